import type { Layer } from '@deck.gl/core';
import { FillStyleExtension } from '@deck.gl/extensions';
import { GeoJsonLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SiteAnalysis } from '../../../core/index.js';
import type { AnalysisLayers } from './deferred-analysis-overlay.js';
import {
  ANALYSIS_BACKGROUND_ALPHA, ANALYSIS_LINE_WIDTH, ANALYSIS_PATTERNS, ANALYSIS_STYLES, FOCUSED_FINDING_STYLE, type AnalysisKind,
} from './map-symbols.js';
import { noteAnalysisShown } from './test-hook.js';

const hatch = new FillStyleExtension({ pattern: true, proceduralPattern: true });

/**
 * deck.gl layers of gaps, overlaps and overflow over the MapLibre map. This module is the only one
 * that imports deck.gl: the MapController fetches it on demand (see DeferredAnalysisOverlay).
 */
export class AnalysisOverlay implements AnalysisLayers {
  private readonly overlay: MapLibreOverlay;
  private analysis: SiteAnalysis | null = null;
  private highlightedId: string | null = null;
  /** True from a change of layers until deck.gl has drawn them. */
  private undrawn = false;

  /** `onDrawn` is told each analysis (or null) once deck.gl has drawn it. */
  constructor(private readonly map: MapLibreMap, onDrawn: (analysis: SiteAnalysis | null) => void) {
    this.overlay = new MapLibreOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => {
        if (!this.undrawn) return;
        this.undrawn = false;
        onDrawn(this.analysis);
      },
    });
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
  destroy(): void {
    this.map.removeControl(this.overlay);
  }

  private render(): void {
    const analysis = this.analysis;
    const layers: Layer[] = analysis
      ? (Object.keys(ANALYSIS_STYLES) as AnalysisKind[]).map((kind) => this.layer(kind, analysis[kind]))
      : [];
    this.undrawn = true;
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
      getLineColor: (feature: { id?: string | number }) => (feature.id === highlighted ? FOCUSED_FINDING_STYLE.colour : colour),
      getLineWidth: (feature: { id?: string | number }) => (feature.id === highlighted ? FOCUSED_FINDING_STYLE.width : ANALYSIS_LINE_WIDTH),
      lineWidthUnits: 'pixels',
      extensions: [hatch],
      fillPatternMapping: ANALYSIS_PATTERNS,
      fillPatternSizeUnits: 'pixels',
      getFillPattern: () => pattern,
      getFillPatternBackgroundColor: [colour[0], colour[1], colour[2], ANALYSIS_BACKGROUND_ALPHA],
      updateTriggers: { getLineColor: highlighted, getLineWidth: highlighted },
    } as never);
  }
}
