import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectGoldenFile } from '../../support/golden-file.js';

const output = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { role: 'result' }, geometry: null }] };
const comparing = { environment: {} };
const regenerating = { environment: { REGEN: '1' } };

describe('expectGoldenFile', () => {
  let directory: string;
  let golden: URL;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'tessera-golden-'));
    golden = pathToFileURL(join(directory, 'nested', 'case.geojson'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('fails on a missing golden file without REGEN=1, says to run with it, and writes nothing', () => {
    expect(() => expectGoldenFile(golden, output, comparing)).toThrow(/golden file .*case\.geojson is missing: run the test with REGEN=1/);
    expect(() => expectGoldenFile(golden, output, comparing)).toThrow(/REGEN=1/);
    expect(existsSync(golden)).toBe(false);
  });

  it('writes the golden file with REGEN=1, then passes on the same output and fails on a changed one', () => {
    expectGoldenFile(golden, output, { ...regenerating, indent: 1 });
    expect(JSON.parse(readFileSync(golden, 'utf8'))).toEqual(output);
    expect(readFileSync(golden, 'utf8')).toBe(`${JSON.stringify(output, null, 1)}\n`);
    expectGoldenFile(golden, output, comparing);
    expectGoldenFile(golden, output, comparing);
    const changed = { ...output, features: [] };
    expect(() => expectGoldenFile(golden, changed, comparing)).toThrow(/differs from the golden file .*: if the change is intended, run with REGEN=1/);
    expect(JSON.parse(readFileSync(golden, 'utf8')), 'a failed comparison leaves the golden file as it was').toEqual(output);
  });

  it('fails on a golden file edited by hand, and REGEN=1 puts the output back', () => {
    expectGoldenFile(golden, output, regenerating);
    writeFileSync(golden, JSON.stringify({ ...output, type: 'Feature' }));
    expect(() => expectGoldenFile(golden, output, comparing)).toThrow(/REGEN=1/);
    expectGoldenFile(golden, output, regenerating);
    expectGoldenFile(golden, output, comparing);
  });

  it('only regenerates for REGEN=1, not for another value', () => {
    expect(() => expectGoldenFile(golden, output, { environment: { REGEN: 'yes' } })).toThrow(/missing/);
    expect(existsSync(golden)).toBe(false);
  });
});
