import { describe, expect, it, vi } from 'vitest';
import type { SiteAnalysis } from '../../../core/index.js';
import { DeferredAnalysisOverlay, type AnalysisLayers } from '../../../web/src/map/deferred-analysis-overlay.js';
import { deepFreeze } from '../../support/deep-freeze.js';

function analysis(gapArea: number): SiteAnalysis {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return deepFreeze({ outdoorArea: 1000, gapArea, overlapArea: 0, overflowArea: 0, coverage: 1 - gapArea / 1000, gaps: empty, overlaps: empty, overflow: empty });
}

/** A stand-in for the deck.gl overlay: it records what it was given and "draws" when told to. */
class RecordingLayers implements AnalysisLayers {
  readonly shown: Array<SiteAnalysis | null> = [];
  readonly highlighted: Array<string | null> = [];
  destroyed = false;
  constructor(private readonly onDrawn: (analysis: SiteAnalysis | null) => void) {}
  setAnalysis(analysis: SiteAnalysis | null): void {
    this.shown.push(analysis);
  }
  setHighlighted(featureId: string | null): void {
    this.highlighted.push(featureId);
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** deck.gl's next frame: the last analysis given (or an earlier one, for a frame already under way) is on the screen. */
  draw(analysis = this.shown.at(-1) ?? null): void {
    this.onDrawn(analysis);
  }
}

/** The overlay's code as a dynamic import: it arrives (or fails) when the test says so. */
function controllableLoad() {
  const loads: Array<{ arrive: () => RecordingLayers; fail: () => void }> = [];
  const load = (onDrawn: (analysis: SiteAnalysis | null) => void) =>
    new Promise<AnalysisLayers>((resolve, reject) => {
      loads.push({
        arrive: () => {
          const layers = new RecordingLayers(onDrawn);
          resolve(layers);
          return layers;
        },
        fail: () => reject(new Error('chunk failed to load')),
      });
    });
  return { load, loads };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp() {
  const { load, loads } = controllableLoad();
  const drawn: boolean[] = [];
  const overlay = new DeferredAnalysisOverlay(load, (isDrawn) => drawn.push(isDrawn));
  return { overlay, loads, drawn };
}

describe('DeferredAnalysisOverlay', () => {
  it('fetches nothing before loading is allowed, nor while there is no analysis to draw', () => {
    const { overlay, loads, drawn } = setUp();
    overlay.setAnalysis(analysis(10));
    expect(loads).toHaveLength(0);
    expect(drawn).toEqual([false]);

    const idle = setUp();
    idle.overlay.allowLoading();
    idle.overlay.setAnalysis(null);
    idle.overlay.setHighlighted('gap-1');
    expect(idle.loads).toHaveLength(0);
  });

  it('hands over a finding highlighted before the code arrived, with the analysis, and reports it drawn', async () => {
    const { overlay, loads, drawn } = setUp();
    const shown = analysis(10);
    overlay.setAnalysis(shown);
    overlay.allowLoading();
    overlay.setHighlighted('gap-3');
    expect(loads).toHaveLength(1);

    const layers = loads[0]!.arrive();
    await settle();
    expect(layers.highlighted).toEqual(['gap-3']);
    expect(layers.shown).toEqual([shown]);
    expect(drawn).toEqual([false]);
    layers.draw();
    expect(drawn).toEqual([false, true]);

    // Once there, the overlay is driven directly.
    overlay.setHighlighted(null);
    expect(layers.highlighted).toEqual(['gap-3', null]);
  });

  it('fetches the code once however often the service or the phase changes meanwhile, and shows the last analysis', async () => {
    const { overlay, loads, drawn } = setUp();
    overlay.allowLoading();
    const analyses = [analysis(1), analysis(2), analysis(3)];
    overlay.setAnalysis(analyses[0]!);
    overlay.setAnalysis(null);
    overlay.setAnalysis(analyses[1]!);
    overlay.setAnalysis(analyses[2]!);
    expect(loads).toHaveLength(1);

    const layers = loads[0]!.arrive();
    await settle();
    expect(layers.shown).toEqual([analyses[2]]);
    // A frame drawn with an older analysis than the current one does not count.
    overlay.setAnalysis(analyses[0]!);
    expect(drawn.at(-1)).toBe(false);
    layers.draw(analyses[2]!);
    expect(drawn.at(-1)).toBe(false);
    layers.draw();
    expect(drawn.at(-1)).toBe(true);
  });

  it('says an empty map is drawn as it should be without fetching anything', () => {
    const { overlay, loads, drawn } = setUp();
    overlay.allowLoading();
    overlay.setAnalysis(analysis(5));
    overlay.setAnalysis(null);
    expect(drawn).toEqual([false, true]);
    expect(loads).toHaveLength(1);
  });

  it('destroys an overlay whose code arrives after the map is gone', async () => {
    const { overlay, loads } = setUp();
    overlay.allowLoading();
    overlay.setAnalysis(analysis(10));
    overlay.destroy();
    const layers = loads[0]!.arrive();
    await settle();
    expect(layers.destroyed).toBe(true);
    expect(layers.shown).toEqual([]);
  });

  it('tries again with the next analysis when the code failed to arrive', async () => {
    const { overlay, loads } = setUp();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      overlay.allowLoading();
      overlay.setAnalysis(analysis(10));
      loads[0]!.fail();
      await settle();
      expect(consoleError).toHaveBeenCalledTimes(1);
    } finally {
      consoleError.mockRestore();
    }
    const next = analysis(20);
    overlay.setAnalysis(next);
    expect(loads).toHaveLength(2);
    const layers = loads[1]!.arrive();
    await settle();
    expect(layers.shown).toEqual([next]);
  });
});
