/**
 * How the map draws each of its symbols, in one place: the MapLibre style (base-style), the deck.gl
 * overlay (analysis-overlay) and the legend's swatches all read these, so the legend cannot drift
 * from the map.
 */

type Rgba = readonly [number, number, number, number];

/** The map's background (bare ground, no parcel). */
export const BACKGROUND_COLOUR = '#f3f1ec';
/** Parcels of one service: translucent, so that streets and cadastre show through. */
export const PARCEL_FILL_OPACITY = 0.55;
export const PARCEL_LINE_WIDTH = 1.5;
export const BUILDING_STYLE = { fill: '#c9c5bd', outline: '#a19c92' } as const;
export const SELECTED_PARCEL_STYLE = { colour: '#111111', width: 4 } as const;
/** Dashes in line widths, as MapLibre's `line-dasharray`. */
export const PERIMETER_STYLE = { colour: '#2b2b2b', width: 2.5, dashes: [3, 2] } as const;

/** How each kind of finding is drawn: hatched, in colours no organisation uses. */
export const ANALYSIS_STYLES = {
  gaps: { colour: [215, 25, 28, 255] as Rgba, pattern: 'gap' },
  overlaps: { colour: [255, 127, 0, 255] as Rgba, pattern: 'overlap' },
  overflow: { colour: [106, 61, 154, 255] as Rgba, pattern: 'overflow' },
} as const;

export type AnalysisKind = keyof typeof ANALYSIS_STYLES;

/** deck.gl's procedural fill patterns of the findings (FillStyleExtension), in pixels. */
export const ANALYSIS_PATTERNS = {
  gap: { type: 'hatch', angle: 45, strokeWidth: 2, gap: 4 },
  overlap: { type: 'cross-hatch', angles: [45, 135], strokeWidth: 2, gap: 5 },
  overflow: { type: 'hatch', angle: 135, strokeWidth: 2, gap: 5 },
} as const;

/** Opacity (0–255) of a finding's colour under its hatching. */
export const ANALYSIS_BACKGROUND_ALPHA = 60;
export const ANALYSIS_LINE_WIDTH = 2;
/** The finding chosen in the analysis panel: outlined in black. */
export const FOCUSED_FINDING_STYLE = { colour: [0, 0, 0, 255] as Rgba, width: 5 } as const;

/** A `#rrggbb` colour seen at `opacity` over the map's background: what a translucent parcel looks like on bare ground. */
export function colourOverBackground(colour: string, opacity = PARCEL_FILL_OPACITY): string {
  const channels = (hex: string) => [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new Error(`colourOverBackground expects a colour like #1f78b4, got ${JSON.stringify(colour)}`);
  const background = channels(BACKGROUND_COLOUR);
  return `#${channels(colour)
    .map((channel, index) => Math.round(channel * opacity + background[index]! * (1 - opacity)).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** An `[r, g, b, a]` colour as CSS. */
export function cssColour([red, green, blue, alpha]: Rgba): string {
  return `rgba(${red}, ${green}, ${blue}, ${+(alpha / 255).toFixed(3)})`;
}
