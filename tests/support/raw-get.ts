import { request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** An answer as it came on the wire (still compressed), with its decoded text. */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body's bytes as sent. */
  body: Buffer;
  /** The body once its Content-Encoding (brotli, gzip or none) is undone. */
  text: string;
}

function decode(body: Buffer, encoding: string | undefined): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

/** One GET with the Accept-Encoding given (fetch would decode the body and hide its size on the wire). */
export function getRaw(url: string, acceptEncoding: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text: decode(body, response.headers['content-encoding']) });
      });
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}
