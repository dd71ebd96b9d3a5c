import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseSite } from '../../../../core/analysis/analyse-site.js';
import type { SiteAnalysis } from '../../../../core/analysis/analysis-result.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { expectGoldenFile } from '../../../support/golden-file.js';
import { readAnalysisFixture, type AnalysisFixture } from '../../../support/read-analysis-fixture.js';

// Turf-style golden tests: every tests/fixtures/analysis/in/<case>.geojson is analysed and compared with
// out/<case>.geojson (the input features plus the coloured results and the figures). REGEN=1 rewrites the outputs.
const inDirectory = new URL('../../../fixtures/analysis/in/', import.meta.url);
const outDirectory = new URL('../../../fixtures/analysis/out/', import.meta.url);
const cases = readdirSync(inDirectory).filter((name) => name.endsWith('.geojson')).sort();

const styles = {
  gap: { stroke: '#d7191c', fill: '#d7191c', 'fill-opacity': 0.5 },
  overlap: { stroke: '#fd8d3c', fill: '#fd8d3c', 'fill-opacity': 0.5 },
  overflow: { stroke: '#7b3294', fill: '#7b3294', 'fill-opacity': 0.5 },
};

function goldenOutput(fixture: AnalysisFixture, analysis: SiteAnalysis) {
  const coloured = (kind: keyof typeof styles, features: SiteAnalysis['gaps']['features'] | SiteAnalysis['overlaps']['features'] | SiteAnalysis['overflow']['features']) =>
    features.map((feature) => ({ ...feature, properties: { result: kind, ...feature.properties, ...styles[kind] } }));
  return {
    type: 'FeatureCollection',
    description: fixture.description,
    analysis: fixture.analysis,
    result: {
      outdoorArea: analysis.outdoorArea,
      gapArea: analysis.gapArea,
      overlapArea: analysis.overlapArea,
      overflowArea: analysis.overflowArea,
      coverage: analysis.coverage,
      gaps: analysis.gaps.features.length,
      overlaps: analysis.overlaps.features.length,
      overflow: analysis.overflow.features.length,
    },
    features: [
      ...fixture.features,
      ...coloured('gap', analysis.gaps.features),
      ...coloured('overlap', analysis.overlaps.features),
      ...coloured('overflow', analysis.overflow.features),
    ],
  };
}

describe('analyseSite golden fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(10));

  it.each(cases)('%s', { timeout: 60_000 }, (name) => {
    const fixture = deepFreeze(JSON.parse(readFileSync(new URL(name, inDirectory), 'utf8')) as AnalysisFixture);
    const { phase, service } = fixture.analysis;
    const output = goldenOutput(fixture, analyseSite(readAnalysisFixture(fixture), phase, service));
    expectGoldenFile(new URL(name, outDirectory), output);
  });
});
