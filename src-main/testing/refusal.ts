import { expect } from 'vitest';
import { AppError } from '../host/app-error';

/** The AppError a call refuses with (a test fails if it does not refuse, or throws anything else). */
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}
