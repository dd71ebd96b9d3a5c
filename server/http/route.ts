import type { Request, RequestHandler, Response } from 'express';
import type { ZodType } from 'zod';
import type { AuthenticatedUser } from '../auth/user.js';
import { RequestValidationError } from './error-handler.js';

interface RequestSchemas<Params, Query, Body> {
  params?: ZodType<Params>;
  query?: ZodType<Query>;
  body?: ZodType<Body>;
}

/** The validated parts of a request, as the handler receives them. */
export interface ValidInput<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  /** The signed-in caller, if any (set by the authenticate middleware). */
  user: AuthenticatedUser | undefined;
}

/** One part of a request (`params`, `query` or `body`) parsed with its schema: a 400 naming `source` when it fails. */
export function parsePart<T>(schema: ZodType<T> | undefined, value: unknown, source: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RequestValidationError(parsed.error, source);
  return parsed.data;
}

/** Validates params, query and body with zod, then calls the handler with the parsed values and the caller. */
export function route<Params = undefined, Query = undefined, Body = undefined>(
  schemas: RequestSchemas<Params, Query, Body>,
  handler: (input: ValidInput<Params, Query, Body>, req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return async (req, res) => {
    const input = {
      params: parsePart(schemas.params, req.params, 'params'),
      query: parsePart(schemas.query, req.query, 'query'),
      body: parsePart(schemas.body, req.body, 'body'),
      user: res.locals.user,
    };
    await handler(input, req, res);
  };
}
