import type { Caller } from './api.js';

/** One Server-Sent Event as received, with when it arrived (performance.now()). */
export interface ReceivedEvent {
  event: string;
  data: string;
  receivedAt: number;
}

/** A Server-Sent Events stream read with fetch: its status, its headers, and the events so far. */
export class EventStreamReader {
  readonly events: ReceivedEvent[] = [];
  /** The comment lines (": heartbeat") and `retry:` fields, in order. */
  readonly otherLines: string[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly controller: AbortController,
  ) {}

  /** Opens the stream as `as`; resolves once the response's headers arrived. */
  static async open(url: string, as: Caller | null = null): Promise<EventStreamReader> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (as?.cookie) headers.cookie = as.cookie;
    if (as?.token) headers.authorization = `Bearer ${as.token}`;
    const controller = new AbortController();
    const response = await fetch(url, { headers, signal: controller.signal });
    const reader = new EventStreamReader(response.status, response.headers, controller);
    if (response.ok && response.body) void reader.read(response.body);
    else await response.body?.cancel();
    return reader;
  }

  /** The events named `event` received so far, their data parsed as JSON. */
  received<T = Record<string, unknown>>(event = 'change'): T[] {
    return this.events.filter((received) => received.event === event).map((received) => JSON.parse(received.data) as T);
  }

  /** Waits for the first event named `event` whose data matches, or null after `timeoutMs`. */
  async next<T = Record<string, unknown>>(event: string, matches: (data: T) => boolean, timeoutMs: number): Promise<(ReceivedEvent & { parsed: T }) | null> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((received) => received.event === event && matches(JSON.parse(received.data) as T));
      if (found) return { ...found, parsed: JSON.parse(found.data) as T };
      const left = deadline - performance.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, left);
        function wake() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(wake);
      });
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close(), or the server closed the stream.
    }
  }

  private parseBlock(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
      else this.otherLines.push(line);
    }
    if (data.length > 0) this.events.push({ event, data: data.join('\n'), receivedAt: performance.now() });
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
  }
}
