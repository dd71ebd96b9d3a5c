// One formatter per language and style: making an Intl.NumberFormat costs far more than using one,
// and the analysis panel formats hundreds of areas.
const areaFormats = new Map<string, Intl.NumberFormat>();
const percentFormats = new Map<string, Intl.NumberFormat>();

/** An area in square metres, rounded to the metre, grouped the local way ("1 240 m²"). */
export function formatArea(squareMetres: number, language: string): string {
  let format = areaFormats.get(language);
  if (!format) areaFormats.set(language, (format = new Intl.NumberFormat(language, { maximumFractionDigits: 0 })));
  return `${format.format(squareMetres)} m²`;
}

/** A ratio as a percentage with one decimal ("94,2 %" in French). */
export function formatPercent(ratio: number, language: string): string {
  let format = percentFormats.get(language);
  if (!format) percentFormats.set(language, (format = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return format.format(ratio);
}
