/** Coverage = 1 − gapArea / outdoorArea, 1 when there is no outdoor space. @example coverage(120, 10_000) // 0.988 */
export function coverage(gapArea: number, outdoorArea: number): number {
  return outdoorArea === 0 ? 1 : 1 - gapArea / outdoorArea;
}
