import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where sql/, data/ and web/dist/ are). */
export const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));
