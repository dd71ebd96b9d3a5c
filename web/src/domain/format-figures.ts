/** An area in square metres, rounded to the metre, grouped the local way ("1 240 m²"). */
export function formatArea(squareMetres: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(squareMetres)} m²`;
}

/** A ratio as a percentage with one decimal ("94,2 %" in French). */
export function formatPercent(ratio: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}
