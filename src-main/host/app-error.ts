import type { ErrorCode } from '../../src-shared/contract/errors';
import type { MessageKey, MessageValues } from '../../src-shared/i18n';

/**
 * An expected refusal: carries a message key, not text, so the dispatcher can say it in the
 * language of whoever asked. Anything that is not an AppError is reported as "internal".
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly values: MessageValues = {},
    readonly fields: { path: string; key: MessageKey; values?: MessageValues }[] = [],
  ) {
    super(key);
    this.name = 'AppError';
  }
}

export const forbidden = (key: MessageKey = 'error.forbidden') => new AppError('forbidden', key);
export const notFound = (key: MessageKey) => new AppError('not_found', key);
