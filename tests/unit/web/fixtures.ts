import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContextCollection, Organisation, ParcelCollection } from '../../../core/index.js';
import { deepFreeze } from '../../support/deep-freeze.js';

function readFixture<T>(name: string): T {
  // From the project's root, where vitest runs: under jsdom, import.meta.url is not a file URL.
  return deepFreeze(JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/web', name), 'utf8')) as T);
}

export const parcels = readFixture<ParcelCollection>('parcels.json');
export const organisations = readFixture<Organisation[]>('organisations.json');
export const context = readFixture<ContextCollection>('context.json');
