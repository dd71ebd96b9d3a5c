import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEOMETRY_FAULTS } from '../../../core/geometry/geometry-faults.js';
import { ERROR_CODES } from '../../../server/http/errors.js';
import { projectRoot } from '../../../server/project-root.js';

// The error catalogue: one constant per code, no code twice, and no route answering a code the
// catalogue does not hold (neither a literal in the server nor a code the API tests expect).

const catalogue = new Set<string>(Object.values(ERROR_CODES));

/** The TypeScript files under a folder of the project, with their text. */
function sources(folder: string, ending: string): Array<{ path: string; text: string }> {
  return (readdirSync(join(projectRoot, folder), { recursive: true }) as string[])
    .filter((path) => path.endsWith(ending) && !path.includes('node_modules'))
    .map((path) => ({ path: `${folder}/${path}`, text: readFileSync(join(projectRoot, folder, path), 'utf8') }));
}

/** Every match of the first group of `pattern` in the texts. */
function captures(files: Array<{ text: string }>, pattern: RegExp): string[] {
  return files.flatMap((file) => [...file.text.matchAll(pattern)].map((match) => match[1]!));
}

describe('the error catalogue', () => {
  it('gives every code one name and every name its own code', () => {
    const values = Object.values(ERROR_CODES);
    expect(new Set(values).size).toBe(values.length);
    expect(values.every((code) => /^[a-z]+(_[a-z]+)*$/.test(code))).toBe(true);
  });

  it('holds every geometry fault of core under its own name', () => {
    for (const [name, code] of Object.entries(GEOMETRY_FAULTS)) expect(ERROR_CODES[name as keyof typeof ERROR_CODES]).toBe(code);
  });

  it('keeps the string values clients depend on', () => {
    expect(ERROR_CODES).toMatchObject({
      invalidRequest: 'invalid_request', notFound: 'not_found', phaseNotFound: 'phase_not_found', unauthenticated: 'unauthenticated',
      forbidden: 'forbidden', conflict: 'conflict', databaseUnavailable: 'database_unavailable', internal: 'internal_error',
      parcelDeleted: 'parcel_deleted', versionConflict: 'version_conflict', importRejected: 'import_rejected',
    });
  });

  it('is the only place the server writes a code as a string', () => {
    const server = sources('server', '.ts').filter((file) => file.path !== 'server/http/errors.ts');
    const literals = [
      ...captures(server, /\bcode: ['"`]([^'"`]+)['"`]/g),
      ...captures(server, /new HttpError\(\s*\d+,\s*['"`]([^'"`]+)['"`]/g),
    ];
    expect(literals).toEqual([]);
  });

  it('holds every code the integration tests expect from the API', () => {
    const tests = sources('tests/integration', '.test.ts');
    const expected = new Set([
      ...captures(tests, /\bcode: '([a-z_]+)'/g),
      ...captures(tests, /\.code\)\.toBe\('([a-z_]+)'\)/g),
    ]);
    expect(expected.size).toBeGreaterThan(30);
    expect([...expected].filter((code) => !catalogue.has(code))).toEqual([]);
  });
});
