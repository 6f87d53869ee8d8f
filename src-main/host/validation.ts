import type { z } from 'zod';
import type { FieldProblem } from '../../src-shared/contract/errors';
import { hasMessage, translate, type Locale, type MessageKey, type MessageValues } from '../../src-shared/i18n';

/** The label of the innermost named field on the path, in the user's language. */
export function fieldLabel(locale: Locale, path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg !== 'string') continue;
    const key = `label.${seg}`;
    if (hasMessage(key)) {
      const rest = path.slice(i + 1).map(String);
      return [translate(locale, key), ...rest].join(' › ');
    }
  }
  return path.length ? path.map(String).join('.') : translate(locale, 'label.request');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function messageFor(issue: z.core.$ZodIssue, input: unknown): { key: MessageKey; values: MessageValues } {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return { key: 'field.required', values: {} };
      if (issue.expected === 'number' || issue.expected === 'int') return { key: 'field.notNumber', values: {} };
      if (issue.expected === 'string') return { key: 'field.notText', values: {} };
      if (issue.expected === 'boolean') return { key: 'field.notBoolean', values: {} };
      return { key: 'field.invalid', values: {} };
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { key: 'field.required', values: {} };
      return issue.origin === 'string'
        ? { key: 'field.tooShort', values: { min: Number(issue.minimum) } }
        : { key: 'field.tooSmall', values: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'field.tooLong', values: { max: Number(issue.maximum) } }
        : { key: 'field.tooBig', values: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'field.oneOf', values: { options: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'field.unknown', values: {} };
    case 'custom': {
      const code = (issue.params as { code?: string } | undefined)?.code;
      if (code === 'date') return { key: 'field.date', values: {} };
      if (code === 'pin') return { key: 'field.pin', values: {} };
      if (code === 'latin') return { key: 'field.latin', values: {} };
      if (code === 'emptyChanges') return { key: 'field.emptyChanges', values: {} };
      if (code === 'oneOfGroupOrYear') return { key: 'field.oneOfGroupOrYear', values: {} };
      return { key: 'field.invalid', values: {} };
    }
    default:
      return { key: 'field.invalid', values: {} };
  }
}

/** Turns zod's issues into one localized problem per field, naming the field as the user knows it. */
export function describeIssues(locale: Locale, error: z.ZodError, input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const paths: PropertyKey[][] =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const { key, values } = messageFor(issue, input);
      problems.push({
        path: path.map(String).join('.'),
        message: translate(locale, key, { ...values, field: fieldLabel(locale, path) }),
      });
    }
  }
  return problems;
}
