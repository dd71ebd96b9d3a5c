import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';

const cache = new Map<string, string>();

/** The text of a named SQL query, `sql/queries/<name>.sql`; names come from code, never from input. */
export function namedQuery(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(projectRoot, 'sql', 'queries', `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
