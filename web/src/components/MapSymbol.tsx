import { useId } from 'react';
import { darkenColour } from '../map/darken-colour.js';
import {
  ANALYSIS_BACKGROUND_ALPHA, ANALYSIS_LINE_WIDTH, ANALYSIS_PATTERNS, ANALYSIS_STYLES, BACKGROUND_COLOUR, BUILDING_STYLE, PARCEL_LINE_WIDTH,
  PERIMETER_STYLE, SELECTED_PARCEL_STYLE, colourOverBackground, cssColour, type AnalysisKind,
} from '../map/map-symbols.js';

/** The symbols of the map besides the organisations' colours, in the legend's order. */
export const MAP_SYMBOLS = ['gaps', 'overlaps', 'overflow', 'perimeter', 'selected', 'buildings'] as const;
export type MapSymbolName = (typeof MAP_SYMBOLS)[number];

const SIZE = 22;

/** An organisation's colour as its parcels show on bare ground, with their darker outline. */
export function OrganisationSwatch({ colour }: { colour: string }) {
  return (
    <span className="legend__swatch" aria-hidden="true"
      style={{ backgroundColor: colourOverBackground(colour), borderColor: darkenColour(colour), borderWidth: PARCEL_LINE_WIDTH }} />
  );
}

/** A small picture of one map symbol, drawn with the map's own colours, widths and hatching (map-symbols.ts). */
export function SymbolSwatch({ symbol }: { symbol: MapSymbolName }) {
  // React's ids may hold characters that a url(#…) reference does not take.
  const patternId = `symbol${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <svg className="legend__symbol" width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true" focusable="false">
      <rect width={SIZE} height={SIZE} fill={BACKGROUND_COLOUR} />
      {symbol === 'gaps' || symbol === 'overlaps' || symbol === 'overflow'
        ? <FindingPicture kind={symbol} patternId={patternId} />
        : <OutlinePicture symbol={symbol} />}
    </svg>
  );
}

function OutlinePicture({ symbol }: { symbol: 'perimeter' | 'selected' | 'buildings' }) {
  const inset = 3;
  const side = SIZE - 2 * inset;
  if (symbol === 'buildings') return <rect x={inset} y={inset} width={side} height={side} fill={BUILDING_STYLE.fill} stroke={BUILDING_STYLE.outline} />;
  if (symbol === 'selected') return <rect x={inset} y={inset} width={side} height={side} fill="none" stroke={SELECTED_PARCEL_STYLE.colour} strokeWidth={SELECTED_PARCEL_STYLE.width} />;
  // MapLibre's dashes are in line widths.
  const dashes = PERIMETER_STYLE.dashes.map((length) => length * PERIMETER_STYLE.width).join(' ');
  return <rect x={inset} y={inset} width={side} height={side} fill="none" stroke={PERIMETER_STYLE.colour} strokeWidth={PERIMETER_STYLE.width} strokeDasharray={dashes} />;
}

function FindingPicture({ kind, patternId }: { kind: AnalysisKind; patternId: string }) {
  const { colour, pattern } = ANALYSIS_STYLES[kind];
  const hatching = ANALYSIS_PATTERNS[pattern];
  const angles: readonly number[] = 'angles' in hatching ? hatching.angles : [hatching.angle];
  const period = hatching.strokeWidth + hatching.gap;
  const ink = cssColour(colour);
  return (
    <>
      {angles.map((angle, index) => (
        // deck.gl measures its angles with y upwards, SVG with y downwards: the same hatching turns the other way.
        <pattern key={angle} id={`${patternId}-${index}`} patternUnits="userSpaceOnUse" width={period} height={period} patternTransform={`rotate(${-angle})`}>
          <rect width={hatching.strokeWidth} height={period} fill={ink} />
        </pattern>
      ))}
      <rect width={SIZE} height={SIZE} fill={cssColour([colour[0], colour[1], colour[2], ANALYSIS_BACKGROUND_ALPHA])} />
      {angles.map((angle, index) => <rect key={angle} width={SIZE} height={SIZE} fill={`url(#${patternId}-${index})`} />)}
      <rect x={ANALYSIS_LINE_WIDTH / 2} y={ANALYSIS_LINE_WIDTH / 2} width={SIZE - ANALYSIS_LINE_WIDTH} height={SIZE - ANALYSIS_LINE_WIDTH} fill="none" stroke={ink} strokeWidth={ANALYSIS_LINE_WIDTH} />
    </>
  );
}
