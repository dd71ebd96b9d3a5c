import { analyseSite, checkEdit, createAnalysisIndex } from '../../core/index.js';
import { generateTiling } from '../../tests/support/generate-tiling.js';
import { repeat, report, time } from './measure.js';
import { seededRandom } from '../../tests/support/seeded-random.js';
import { moveVertex } from './move-vertex.js';

const SERVICE = 'nettoiement';

/** The browser engine (core/analysis: Turf's boolean operations, exact orientation tests, geodesic areas), run in Node. */
export async function benchBrowserEngine(): Promise<void> {
  console.log('\nBrowser engine (core/analysis), jittered tilings of ~1 km², 3 % shrunk + 3 % grown parcels');
  for (const parcels of [1_000, 10_000]) {
    const tiling = generateTiling({ parcels, seed: 7, defects: 0.03 });
    const full = await repeat(parcels > 5_000 ? 2 : 5, () => analyseSite(tiling, 0, SERVICE), 1);
    const result = analyseSite(tiling, 0, SERVICE);
    report(`full analysis, ${parcels} parcels (median of ${full.runs})`, full.median, null);
    console.log(`    found ${result.gaps.features.length} gaps (${result.gapArea.toFixed(0)} m²), ${result.overlaps.features.length} overlaps (${result.overlapArea.toFixed(0)} m²), coverage ${(result.coverage * 100).toFixed(2)} %`);
  }
  const tiling = generateTiling({ parcels: 10_000, seed: 7, defects: 0.03 });
  let index = createAnalysisIndex(tiling, 0, SERVICE);
  const buildIndex = await time(() => createAnalysisIndex(tiling, 0, SERVICE));
  report('build the live-check index, 10,000 parcels', buildIndex, null);
  const random = seededRandom(11);
  const parcels = [...tiling.parcels];
  const edits = await repeat(300, () => {
    const position = Math.floor(random() * parcels.length);
    const before = parcels[position]!;
    const after = moveVertex(before, random);
    index = checkEdit(index, before, after).index;
    parcels[position] = after;
  }, 5);
  report('live check of one edit, 10,000 parcels: median', edits.median, { under: 4 });
  report('live check of one edit, 10,000 parcels: p99', edits.p99, { under: 16 });
}
