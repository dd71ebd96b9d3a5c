import { z } from 'zod';
import type { ParcelFeature } from './parcel.schema.js';

/** The most changes one request may hold. */
export const MAX_PARCEL_CHANGES = 500;

const parcelId = z.string().uuid('the id must be a UUID');
const version = z.number().int().positive().max(999_999_999);

/**
 * A new parcel: a GeoJSON Feature as `POST /parcels` takes it, and checked in full (shape, geometry,
 * references, site) the same way, so that each fault gets the same code and field (under `feature`).
 */
const createChangeSchema = z.object({ action: z.literal('create'), feature: z.record(z.string(), z.unknown()) }).strict();

/** New geometry and/or properties of the parcel at `version`, merged over it then checked in full (as `PATCH /parcels/:id`). */
const updateChangeSchema = z
  .object({
    action: z.literal('update'),
    id: parcelId,
    version,
    geometry: z.unknown().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** Deletes the parcel at `version` (its history keeps every version). */
const deleteChangeSchema = z.object({ action: z.literal('delete'), id: parcelId, version }).strict();

/**
 * Gives the parcel the content of its old `version`, as a new version (as `POST /parcels/:id/restore`):
 * `expectedVersion` is its current version, or, when it was deleted, the version of its deletion.
 */
const restoreChangeSchema = z.object({ action: z.literal('restore'), id: parcelId, version, expectedVersion: version }).strict();

/** One change of a parcel within an atomic set of changes. */
export const parcelChangeSchema = z.discriminatedUnion('action', [createChangeSchema, updateChangeSchema, deleteChangeSchema, restoreChangeSchema]);

/** The body of `POST /sites/:siteId/parcels/changes`: 1 to 500 changes, applied all or none, each parcel at most once. */
export const parcelChangesSchema = z
  .object({ changes: z.array(parcelChangeSchema).min(1).max(MAX_PARCEL_CHANGES) })
  .strict()
  .superRefine(({ changes }, context) => {
    const seen = new Set<string>();
    changes.forEach((change, index) => {
      if (change.action === 'create') return;
      if (seen.has(change.id)) context.addIssue({ code: 'custom', path: ['changes', index, 'id'], message: `parcel ${change.id} is changed more than once` });
      seen.add(change.id);
    });
  });

/** One change as a client sends it. */
export type ParcelChangeRequest = z.infer<typeof parcelChangeSchema>;
/** The whole body. */
export type ParcelChangesRequest = z.infer<typeof parcelChangesSchema>;

/** The answer: each change's parcel as stored (null for a deletion), in the order of the changes. */
export interface ParcelChangeResults {
  results: Array<ParcelFeature | null>;
}
