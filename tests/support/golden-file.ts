import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Whether this run rewrites the golden files (`REGEN=1`) instead of comparing with them. */
export function regenerating(environment: NodeJS.ProcessEnv = process.env): boolean {
  return environment.REGEN === '1';
}

/**
 * Compares an output with its golden JSON file (Turf style). With `REGEN=1` it writes the file instead,
 * for review; without it, a missing or different golden file fails, saying to run with REGEN=1, so that
 * a test never passes by writing its own expectation. `indent` is the file's JSON indentation.
 */
export function expectGoldenFile(file: URL, actual: unknown, { indent, environment }: { indent?: number; environment?: NodeJS.ProcessEnv } = {}): void {
  const path = fileURLToPath(file);
  if (regenerating(environment)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(actual, null, indent)}\n`);
    return;
  }
  if (!existsSync(path)) {
    expect.fail(`the golden file ${path} is missing: run the test with REGEN=1 to write it, then review it`);
  }
  // Compared as JSON, the form the golden file holds (no undefined members, no -0).
  const output: unknown = JSON.parse(JSON.stringify(actual));
  expect(output, `the output differs from the golden file ${path}: if the change is intended, run with REGEN=1 and review the diff`)
    .toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
