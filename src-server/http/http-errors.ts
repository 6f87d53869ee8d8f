/**
 * Every error answer is `{ error, message }` (protocol.ts, ServerError): a code the client maps
 * to the user's language, and English text for logs. Never a stack.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ServerError } from '../../src-shared/sync/protocol';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Validates a body with its protocol schema; the message names the first bad field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body ?? null);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new HttpError(400, 'bad_request', `${field}: ${issue.message}`);
}

const error = (code: string, message: string): ServerError => ({ error: code, message });

export function handleError(err: FastifyError | HttpError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof HttpError) return reply.code(err.status).headers(err.headers).send(error(err.code, err.message));
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 413) return reply.code(413).send(error('payload_too_large', 'the request is larger than the server accepts; send fewer changes at once'));
  if (status === 429) return reply.code(429).send(error('rate_limited', err.message || 'too many requests; retry later'));
  if (status === 415) return reply.code(415).send(error('bad_request', 'body: send JSON (Content-Type: application/json)'));
  if (status >= 400 && status < 500) return reply.code(400).send(error('bad_request', `body: ${err.message}`));
  req.log.error(err);
  return reply.code(500).send(error('server_error', 'the server failed to handle the request; it is safe to retry'));
}
