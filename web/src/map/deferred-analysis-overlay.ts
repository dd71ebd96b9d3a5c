import type { SiteAnalysis } from '../../../core/index.js';

/** The deck.gl overlay of the analysis (analysis-overlay.ts), as the MapController drives it. */
export interface AnalysisLayers {
  setAnalysis(analysis: SiteAnalysis | null): void;
  setHighlighted(featureId: string | null): void;
  destroy(): void;
}

/** Creates the overlay once its code has arrived; it calls `onDrawn` with each analysis it has drawn. */
export type LoadAnalysisLayers = (onDrawn: (analysis: SiteAnalysis | null) => void) => Promise<AnalysisLayers>;

/**
 * Stands for the analysis overlay before its code (deck.gl, a third of a viewer's JavaScript) has
 * arrived: it keeps the last analysis and highlighted finding it was given, fetches the code once
 * loading is allowed and there is an analysis to draw, then hands both to the overlay. So the map
 * is drawn without waiting for deck.gl, and a page that never shows an analysis never fetches it.
 * The MapController allows loading once its parcels are drawn, not sooner: fetched alongside the
 * map at 1.6 Mbit/s, deck.gl held the map back by about 4 s and drew the overlay no earlier.
 */
export class DeferredAnalysisOverlay {
  private analysis: SiteAnalysis | null = null;
  private highlightedId: string | null = null;
  private layers: AnalysisLayers | null = null;
  private loading = false;
  private loadingAllowed = false;
  private destroyed = false;

  /** `onDrawnChange` hears whether the map shows the current analysis (true when there is none to show). */
  constructor(private readonly load: LoadAnalysisLayers, private readonly onDrawnChange: (drawn: boolean) => void) {}

  /** From now on the overlay's code may be fetched (the MapController allows it once its parcels are drawn). */
  allowLoading(): void {
    this.loadingAllowed = true;
    this.loadIfNeeded();
  }

  /** Shows an analysis (or nothing), now or as soon as the overlay's code is there. */
  setAnalysis(analysis: SiteAnalysis | null): void {
    if (analysis === this.analysis) return;
    this.analysis = analysis;
    // Without the overlay, nothing is drawn yet: only "no analysis" is shown as it should be.
    this.onDrawnChange(!this.layers && analysis === null);
    if (this.layers) this.layers.setAnalysis(analysis);
    else this.loadIfNeeded();
  }

  /** Outlines one finding boldly (or none), now or as soon as the overlay's code is there. */
  setHighlighted(featureId: string | null): void {
    this.highlightedId = featureId;
    this.layers?.setHighlighted(featureId);
  }

  /** Removes the overlay from the map; code that arrives afterwards is not used. */
  destroy(): void {
    this.destroyed = true;
    this.layers?.destroy();
    this.layers = null;
  }

  private loadIfNeeded(): void {
    if (!this.loadingAllowed || this.loading || this.layers || this.destroyed || this.analysis === null) return;
    this.loading = true;
    this.load((drawn) => {
      if (drawn === this.analysis) this.onDrawnChange(true);
    }).then(
      (layers) => {
        this.loading = false;
        if (this.destroyed) {
          layers.destroy();
          return;
        }
        this.layers = layers;
        layers.setHighlighted(this.highlightedId);
        layers.setAnalysis(this.analysis);
      },
      (error: unknown) => {
        // The findings stay listed in the analysis panel; the next analysis shown tries again.
        this.loading = false;
        console.error('The analysis overlay could not be loaded', error);
      },
    );
  }
}
