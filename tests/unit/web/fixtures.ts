import { readFileSync } from 'node:fs';
import type { ContextCollection, Organisation, ParcelCollection } from '../../../core/index.js';

/** Freezes a value and everything inside it, so a function that mutates its input fails loudly. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function readFixture<T>(name: string): T {
  const url = new URL(`../../fixtures/web/${name}`, import.meta.url);
  return deepFreeze(JSON.parse(readFileSync(url, 'utf8')) as T);
}

export const parcels = readFixture<ParcelCollection>('parcels.json');
export const organisations = readFixture<Organisation[]>('organisations.json');
export const context = readFixture<ContextCollection>('context.json');
