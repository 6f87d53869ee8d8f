import type { AppErrorPayload, ErrorCode, FieldProblem } from '../../src-shared/contract/errors';

/** `unreachable`: the call never got an answer (service down, network, bridge failure). */
export type ApiErrorCode = ErrorCode | 'unreachable';

/** What every failed call throws: the server's code, its already-localized message and field problems. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: FieldProblem[];

  constructor(code: ApiErrorCode, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }

  static fromPayload(p: AppErrorPayload): ApiError {
    return new ApiError(p.code, p.message, p.fields ?? []);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** What to tell the user about a failed call: the server's words, or the error as text. */
export function errorMessage(e: unknown): string {
  return isApiError(e) ? e.message : String(e);
}
