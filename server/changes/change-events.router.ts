import { Router, type Response } from 'express';
import { route } from '../http/route.js';
import { siteParams } from '../http/site-params.js';
import type { FeedMessage } from './change-event.js';
import type { ChangeFeed } from './change-feed.js';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** How long the browser's EventSource waits before reconnecting. */
const RETRY_MS = 2000;
/** The stream opens once the feed listens (so no change committed after the open is missed), or after this. */
const LISTEN_WAIT_MS = 5000;

/** The Server-Sent Events text of a feed message, or null for the feed's end. */
function eventText(message: FeedMessage): string | null {
  if (message.type === 'end') return null;
  if (message.type === 'resync') return 'event: resync\ndata: {}\n\n';
  return `event: change\ndata: ${JSON.stringify(message.event)}\n\n`;
}

/** `GET /sites/:siteId/events`: other editors' saves on a readable site (`readableSiteGuard`), as Server-Sent Events. */
export function changeEventsRouter(feed: ChangeFeed): Router {
  const router = Router();
  router.get('/sites/:siteId/events', route({ params: siteParams }, async ({ params }, _req, res) => {
    const stream = new EventStream(res);
    const unsubscribe = feed.subscribe(params.siteId, (message) => stream.send(eventText(message)));
    res.on('close', () => {
      stream.close();
      unsubscribe();
    });
    await feed.whenListening(LISTEN_WAIT_MS);
    stream.open();
  }));
  return router;
}

/** One client's stream: messages wait until the headers are sent, then go out as they come. */
class EventStream {
  private pending: string[] | null = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly res: Response) {}

  open(): void {
    if (this.closed || this.pending === null) return;
    this.res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });
    this.res.flushHeaders();
    this.res.write(`retry: ${RETRY_MS}\n\n`);
    for (const text of this.pending) this.res.write(text);
    this.pending = null;
    this.heartbeat = setInterval(() => this.res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  }

  /** Writes an event; null ends the stream. */
  send(text: string | null): void {
    if (this.closed) return;
    if (text === null) {
      if (this.pending !== null) this.open();
      this.res.end();
      this.close();
    } else if (this.pending !== null) {
      this.pending.push(text);
    } else {
      this.res.write(text);
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
  }
}
