/** The only error shape that crosses the boundary: a code, a message in the user's language, no stack. */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'bad_request',
  'internal',
  /** a service main depends on (the central server) cannot be reached now; nothing changed */
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** dotted path into the request, e.g. "changes.pin" */
  path: string;
  message: string;
}

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: FieldProblem[];
}

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorPayload };

/**
 * The browser host sets this response header when it refuses a call for a missing or wrong
 * launch key ("key"): the page then words the refusal in its own language, since the host
 * answers before it reads which language the page asked for.
 */
export const HOST_REFUSAL_HEADER = 'x-unidesk-refusal';
