import type { Layer } from '@deck.gl/core';
import { FillStyleExtension } from '@deck.gl/extensions';
import { GeoJsonLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SiteAnalysis } from '../../../core/index.js';
import { noteAnalysisShown } from './test-hook.js';

type Rgba = [number, number, number, number];

/** How each kind of finding is drawn: hatched, in colours no organisation uses (see base-style). */
export const ANALYSIS_STYLES = {
  gaps: { colour: [215, 25, 28, 255] as Rgba, pattern: 'gap' },
  overlaps: { colour: [255, 127, 0, 255] as Rgba, pattern: 'overlap' },
  overflow: { colour: [106, 61, 154, 255] as Rgba, pattern: 'overflow' },
} as const;

export type AnalysisKind = keyof typeof ANALYSIS_STYLES;

const PATTERNS = {
  gap: { type: 'hatch', angle: 45, strokeWidth: 2, gap: 4 },
  overlap: { type: 'cross-hatch', angles: [45, 135], strokeWidth: 2, gap: 5 },
  overflow: { type: 'hatch', angle: 135, strokeWidth: 2, gap: 5 },
} as const;

const hatch = new FillStyleExtension({ pattern: true, proceduralPattern: true });

/** deck.gl layers of gaps, overlaps and overflow over the MapLibre map; owned by the MapController. */
export class AnalysisOverlay {
  private readonly overlay = new MapLibreOverlay({ interleaved: false, layers: [] });
  private analysis: SiteAnalysis | null = null;
  private highlightedId: string | null = null;

  constructor(map: MapLibreMap) {
    map.addControl(this.overlay);
  }

  /** Shows an analysis (or nothing). */
  setAnalysis(analysis: SiteAnalysis | null): void {
    if (analysis === this.analysis) return;
    this.analysis = analysis;
    this.render();
    noteAnalysisShown(analysis, 'overlay');
  }

  /** Outlines one finding boldly (or none). */
  setHighlighted(featureId: string | null): void {
    if (featureId === this.highlightedId) return;
    this.highlightedId = featureId;
    this.render();
  }

  /** Removes the overlay from the map. */
  destroy(map: MapLibreMap): void {
    map.removeControl(this.overlay);
  }

  private render(): void {
    const analysis = this.analysis;
    const layers: Layer[] = analysis
      ? (Object.keys(ANALYSIS_STYLES) as AnalysisKind[]).map((kind) => this.layer(kind, analysis[kind]))
      : [];
    this.overlay.setProps({ layers });
  }

  private layer(kind: AnalysisKind, data: SiteAnalysis[AnalysisKind]): Layer {
    const { colour, pattern } = ANALYSIS_STYLES[kind];
    const highlighted = this.highlightedId;
    return new GeoJsonLayer({
      id: `analysis-${kind}`,
      data: data as never,
      filled: true,
      stroked: true,
      getFillColor: colour,
      getLineColor: (feature: { id?: string | number }) => (feature.id === highlighted ? [0, 0, 0, 255] : colour),
      getLineWidth: (feature: { id?: string | number }) => (feature.id === highlighted ? 5 : 2),
      lineWidthUnits: 'pixels',
      extensions: [hatch],
      fillPatternMapping: PATTERNS,
      fillPatternSizeUnits: 'pixels',
      getFillPattern: () => pattern,
      getFillPatternBackgroundColor: [colour[0], colour[1], colour[2], 60],
      updateTriggers: { getLineColor: highlighted, getLineWidth: highlighted },
    } as never);
  }
}
