import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Whether an answer is worth compressing: compressible types, except event streams, which must reach the client event by event. */
function shouldCompress(req: Request, res: Response): boolean {
  const type = String(res.getHeader('Content-Type') ?? '');
  if (type.startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
}

/** Brotli or gzip (as the client accepts) for the API's answers and the web app's files. */
export function compress(): RequestHandler {
  return compression({ filter: shouldCompress });
}
