import { describe, expect, it } from 'vitest';
import { firstHeldProblem, pendingHint } from './grade-pending';

describe('while grades are not all saved', () => {
  it('asks to fix the rows that cannot save, rather than to wait for them', () => {
    expect(pendingHint(true, 2)).toEqual({ id: 'grades.pending.fixFirst', values: { count: 2 } });
    expect(pendingHint(true, 0)).toEqual({ id: 'grades.export.saveFirst' });
    expect(pendingHint(false, 0)).toBeNull();
  });
});

describe('the first thing to fix', () => {
  const say = (id: string, v?: Record<string, string | number | null>) => `${id}${v ? JSON.stringify(v) : ''}`;
  const label = (col: string) => col.toUpperCase();
  const row = (position: number, edited: boolean, problems: Record<string, unknown>, server: Record<string, string> = {}) => ({
    position,
    edited: edited ? { exam: 'x' } : null,
    ev: { valid: Object.keys(problems).length === 0, problems } as never,
    server,
  });

  it('names the row by its number, the column and the reason, skipping rows that will save', () => {
    const rows = [row(1, true, {}), row(4, true, { exam: { code: 'tooHigh', max: 40 } }), row(7, true, {}, { m1: 'refused by the server' })];
    expect(firstHeldProblem(rows, ['m1', 'exam'], label, say)).toMatch(/^grades\.held\.row.*"row":4.*"column":"EXAM"/);
    expect(firstHeldProblem([rows[0]!, rows[2]!], ['m1', 'exam'], label, say)).toBe('grades.held.row{"row":7,"column":"M1","problem":"refused by the server"}');
  });

  it('says nothing when every typed row can be saved, or nothing is typed', () => {
    expect(firstHeldProblem([row(1, true, {}), row(2, false, { exam: { code: 'tooHigh', max: 40 } })], ['exam'], label, say)).toBeNull();
  });
});
