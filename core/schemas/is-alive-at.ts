/** Whether an object with phase range [fromPhase, toPhase) exists at phase k. */
export function isAliveAt(range: { fromPhase: number; toPhase: number | null }, phase: number): boolean {
  return range.fromPhase <= phase && (range.toPhase === null || phase < range.toPhase);
}
