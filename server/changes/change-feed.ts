import pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { CHANGES_CHANNEL, changeNotificationSchema, type FeedMessage } from './change-event.js';

/** Receives the messages of one site. */
export type FeedSubscriber = (message: FeedMessage) => void;

export interface ChangeFeedOptions {
  /** First delay before reconnecting after the connection was lost; doubled at each failure. */
  initialRetryMs?: number;
  /** Longest delay between two reconnection attempts. */
  maxRetryMs?: number;
}

type FeedState = 'idle' | 'connecting' | 'listening' | 'waiting' | 'stopped';

/**
 * The database's change notifications, fanned out to subscribers by site. One dedicated connection
 * (outside the request pool) LISTENs while somebody is subscribed: it opens with the first subscriber,
 * closes with the last one, and after a loss (a database restart) reconnects by itself with
 * exponential backoff, then sends `resync` to the subscribers, who may have missed changes meanwhile.
 */
export class ChangeFeed {
  private readonly subscribers = new Map<string, Set<FeedSubscriber>>();
  private state: FeedState = 'idle';
  private client: pg.Client | null = null;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private listenedBefore = false;
  private waiters = new Set<() => void>();
  /** Deliveries run one after the other, so that subscribers see changes in commit order. */
  private delivery: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: ChangeFeedOptions = {},
  ) {}

  /** Subscribes to a site's changes; returns the unsubscribe function. */
  subscribe(siteId: string, subscriber: FeedSubscriber): () => void {
    let site = this.subscribers.get(siteId);
    if (!site) this.subscribers.set(siteId, (site = new Set()));
    site.add(subscriber);
    if (this.state === 'idle') void this.connect();
    return () => {
      site.delete(subscriber);
      if (site.size === 0 && this.subscribers.get(siteId) === site) this.subscribers.delete(siteId);
      if (this.subscribers.size === 0 && this.state !== 'stopped') this.disconnect('idle');
    };
  }

  /** Resolves true once the connection LISTENs (at once if it does), false after `timeoutMs` or when stopped. */
  whenListening(timeoutMs: number): Promise<boolean> {
    if (this.state === 'listening') return Promise.resolve(true);
    if (this.state === 'stopped') return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(this.state === 'listening');
      };
      this.waiters.add(done);
    });
  }

  /** Whether the dedicated connection is listening now. */
  get listening(): boolean {
    return this.state === 'listening';
  }

  /** Closes the connection for good and ends every subscription (their streams close). */
  async stop(): Promise<void> {
    const client = this.client;
    this.disconnect('stopped');
    for (const site of this.subscribers.values()) for (const subscriber of site) subscriber({ type: 'end' });
    this.subscribers.clear();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.state = 'connecting';
    this.retryTimer = undefined;
    const client = new pg.Client({ ...this.pool.options, application_name: 'tessera-changes', keepAlive: true });
    this.client = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) this.enqueue(message.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    this.state = 'listening';
    if (this.failures > 0) console.log(`change feed: listening again after ${this.failures} failed attempt(s)`);
    this.failures = 0;
    this.settleWaiters();
    if (this.listenedBefore) this.broadcast({ type: 'resync' });
    this.listenedBefore = true;
  }

  /** The connection failed or ended: reconnect later if somebody still listens. */
  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (this.subscribers.size === 0) {
      this.state = 'idle';
      return;
    }
    if (this.failures === 0) console.error('change feed: connection lost, reconnecting:', error?.message ?? 'connection ended');
    const { initialRetryMs = 500, maxRetryMs = 15_000 } = this.options;
    const delay = Math.min(maxRetryMs, initialRetryMs * 2 ** this.failures);
    this.failures += 1;
    this.state = 'waiting';
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  private disconnect(next: 'idle' | 'stopped'): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const client = this.client;
    this.client = null;
    this.state = next;
    this.settleWaiters();
    void client?.end().catch(() => undefined);
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) waiter();
    this.waiters.clear();
  }

  private enqueue(payload: string): void {
    this.delivery = this.delivery.then(() => this.deliver(payload)).catch((error: Error) => {
      console.error('change feed: a notification could not be delivered:', error.message);
    });
  }

  private async deliver(payload: string): Promise<void> {
    const parsed = changeNotificationSchema.safeParse(JSON.parse(payload));
    if (!parsed.success) throw new Error(`unexpected payload ${payload.slice(0, 200)}`);
    const notification = parsed.data;
    if (!this.subscribers.has(notification.siteId)) return;
    const updatedByName = notification.updatedBy ? await this.userName(notification.updatedBy) : null;
    const site = this.subscribers.get(notification.siteId);
    for (const subscriber of site ?? []) subscriber({ type: 'change', event: { ...notification, updatedByName } });
  }

  /** The writer's display name; null when the database cannot say right now (the event still goes out). */
  private async userName(userId: string): Promise<string | null> {
    try {
      return (await this.pool.query<{ displayName: string }>(namedQuery('changes/user-name'), [userId])).rows[0]?.displayName ?? null;
    } catch {
      return null;
    }
  }

  private broadcast(message: FeedMessage): void {
    for (const site of this.subscribers.values()) for (const subscriber of site) subscriber(message);
  }
}
