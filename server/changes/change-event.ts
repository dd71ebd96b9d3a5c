import { z } from 'zod';

/** The channel of the change notifications the triggers send (sql/functions/10_changes_send.sql, docs/live-feed.md). */
export const CHANGES_CHANNEL = 'tessera_changes';

/** One statement's changes of one layer of one site, as notified by the database. */
export const changeNotificationSchema = z.object({
  siteId: z.string().uuid(),
  layer: z.enum(['parcels', 'buildings', 'operations']),
  change: z.enum(['create', 'update', 'delete']),
  count: z.number().int().nonnegative(),
  /** Listed for small changes only (up to 50); an import sends its count. */
  ids: z.array(z.string().uuid()).optional(),
  /** The new version when one feature was created or updated. */
  version: z.number().int().positive().optional(),
  updatedBy: z.string().uuid().optional(),
}).strict();

export type ChangeNotification = z.infer<typeof changeNotificationSchema>;

/** What a subscriber of a site receives: the notification, with the writer's display name. */
export interface ChangeEvent extends ChangeNotification {
  updatedByName: string | null;
}

/** A message to a site's subscribers: a change, a `resync` after the feed lost notifications, or the feed's end. */
export type FeedMessage = { type: 'change'; event: ChangeEvent } | { type: 'resync' } | { type: 'end' };
