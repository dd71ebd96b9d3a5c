import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A GeoJSON feature as read from or written to the demo files. */
export interface GeoJsonFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

/** Top-level members written before `features` (foreign members such as an attribution). */
export type CollectionMembers = Record<string, string>;

/** Reads a GeoJSON FeatureCollection and returns its features. */
export function readFeatures(path: string): GeoJsonFeature[] {
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { type?: string; features?: GeoJsonFeature[] };
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error(`${path}: not a GeoJSON FeatureCollection`);
  }
  return collection.features;
}

/** Writes a FeatureCollection with one feature per line, so that diffs stay readable. */
export function writeFeatureCollection(path: string, features: GeoJsonFeature[], members: CollectionMembers = {}): number {
  const head = JSON.stringify({ type: 'FeatureCollection', ...members }).slice(0, -1);
  const body = features.map((feature) => JSON.stringify(feature)).join(',\n');
  return writeText(path, `${head},"features":[\n${body}\n]}\n`);
}

/** Writes pretty-printed JSON (two-space indent, final newline). */
export function writeJson(path: string, value: unknown): number {
  return writeText(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Writes a text file, creating its folder; returns its size in bytes. */
export function writeText(path: string, text: string): number {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
