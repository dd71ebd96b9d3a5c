/** A `#rrggbb` colour with each channel multiplied by `factor` (0 black, 1 unchanged). */
export function darkenColour(colour: string, factor = 0.6): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) throw new Error(`darkenColour expects a colour like #1f78b4, got ${JSON.stringify(colour)}`);
  const clamped = Math.min(1, Math.max(0, factor));
  return `#${match
    .slice(1)
    .map((channel) =>
      Math.round(parseInt(channel, 16) * clamped)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
