import { describe, expect, it } from 'vitest';
import { pendingHint } from './grade-pending';

describe('while grades are not all saved', () => {
  it('asks to fix the rows that cannot save, rather than to wait for them', () => {
    expect(pendingHint(true, 2)).toEqual({ id: 'grades.pending.fixFirst', values: { count: 2 } });
    expect(pendingHint(true, 0)).toEqual({ id: 'grades.export.saveFirst' });
    expect(pendingHint(false, 0)).toBeNull();
  });
});
