import type { Layer } from '@deck.gl/core';
import { FillStyleExtension } from '@deck.gl/extensions';
import { PolygonLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Position, SiteAnalysis } from '../../../core/index.js';
import type { AnalysisLayers } from './deferred-analysis-overlay.js';
import {
  ANALYSIS_BACKGROUND_ALPHA, ANALYSIS_LINE_WIDTH, ANALYSIS_PATTERNS, ANALYSIS_STYLES, FOCUSED_FINDING_STYLE, type AnalysisKind,
} from './map-symbols.js';
import { noteAnalysisShown } from './test-hook.js';

const hatch = new FillStyleExtension({ pattern: true, proceduralPattern: true });

/** One polygon of a finding (a part of its MultiPolygon), with the finding's id for the highlight. */
interface FindingPart { id: string | number | undefined; rings: Position[][] }
type Findings = SiteAnalysis[AnalysisKind];

// Split once per analysis: a highlight draws the same parts again, and deck.gl keeps their tessellation.
const partsOfFindings = new WeakMap<Findings, FindingPart[]>();
function findingParts(findings: Findings): FindingPart[] {
  let parts = partsOfFindings.get(findings);
  if (!parts) {
    parts = findings.features.flatMap((feature) => feature.geometry.coordinates.map((rings) => ({ id: feature.id, rings })));
    partsOfFindings.set(findings, parts);
  }
  return parts;
}

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

  // PolygonLayer (a fill and its outline), not GeoJsonLayer: that one brings point, icon and text layers too.
  private layer(kind: AnalysisKind, findings: Findings): Layer {
    const { colour, pattern } = ANALYSIS_STYLES[kind];
    const highlighted = this.highlightedId;
    return new PolygonLayer<FindingPart>({
      id: `analysis-${kind}`,
      data: findingParts(findings),
      getPolygon: (part: FindingPart) => part.rings,
      filled: true,
      stroked: true,
      getFillColor: colour,
      getLineColor: (part: FindingPart) => (part.id === highlighted ? FOCUSED_FINDING_STYLE.colour : colour),
      getLineWidth: (part: FindingPart) => (part.id === highlighted ? FOCUSED_FINDING_STYLE.width : ANALYSIS_LINE_WIDTH),
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
