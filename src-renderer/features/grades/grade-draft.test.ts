import { describe, expect, it } from 'vitest';
import { MARK_COL } from './grade-cells';
import { applyEdits, draftKey, mergeDraft, readDraft, rowTexts, settleEdits, writeDraft } from './grade-draft';
import { memoryStorage, testRow } from './grade-test-data';

const columns = ['m1', 'm2', 'exam', MARK_COL];

describe('the draft in localStorage', () => {
  it('is stored per sheet under unidesk.grades.<sheetId> and read back', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'abc', { s1: { m1: '25' } }, new Date('2026-01-10T08:00:00Z'));
    expect(JSON.parse(storage.data.get('unidesk.grades.abc')!)).toEqual({ v: 1, savedAt: '2026-01-10T08:00:00.000Z', edits: { s1: { m1: '25' } } });
    expect(readDraft(storage, 'abc')).toEqual({ s1: { m1: '25' } });
    expect(draftKey('abc')).toBe('unidesk.grades.abc');
  });

  it('forgets the entry when nothing is left unsaved', () => {
    const storage = memoryStorage();
    writeDraft(storage, 'abc', { s1: { m1: '25' } });
    writeDraft(storage, 'abc', {});
    expect(storage.data.has('unidesk.grades.abc')).toBe(false);
  });

  it('treats a damaged or foreign entry as no draft', () => {
    const storage = memoryStorage();
    storage.setItem('unidesk.grades.x', '{not json');
    expect(readDraft(storage, 'x')).toEqual({});
    storage.setItem('unidesk.grades.x', JSON.stringify({ v: 1, edits: { s1: { m1: 25 } } }));
    expect(readDraft(storage, 'x')).toEqual({});
    expect(readDraft(null, 'x')).toEqual({});
  });
});

describe('merging the draft with the server', () => {
  const rows = [testRow('s1', 1, { m1: 20, m2: null }), testRow('s2', 2, {}, 'absent')];

  it('keeps edits that differ from the saved values and drops the ones the server already has', () => {
    const merged = mergeDraft(rows, columns, {
      s1: { m1: '20,0', m2: '25', exam: '' },
      s2: { [MARK_COL]: 'н', m1: '15' },
    });
    expect(merged).toEqual({ s1: { m2: '25' }, s2: { m1: '15' } });
  });

  it('drops students no longer on the sheet and columns the sheet does not have', () => {
    expect(mergeDraft(rows, columns, { gone: { m1: '5' }, s1: { lab: '7', m2: '3' } })).toEqual({ s1: { m2: '3' } });
  });

  it('keeps invalid texts so the clerk sees what was typed', () => {
    expect(mergeDraft(rows, columns, { s1: { m2: '25,5' } })).toEqual({ s1: { m2: '25,5' } });
  });

  it('shows the edits on top of the server values', () => {
    expect(rowTexts(rows[0]!, columns, { s1: { m2: '25' } })).toEqual({ m1: '20', m2: '25', exam: '', [MARK_COL]: '' });
    expect(rowTexts(rows[1]!, columns, {})).toEqual({ m1: '', m2: '', exam: '', [MARK_COL]: 'absent' });
  });
});

describe('edits and a save', () => {
  it('apply without touching the old object', () => {
    const before = { s1: { m1: '1' } };
    const after = applyEdits(before, [
      { studentId: 's1', col: 'm2', text: '2' },
      { studentId: 's2', col: 'm1', text: '' },
    ]);
    expect(after).toEqual({ s1: { m1: '1', m2: '2' }, s2: { m1: '' } });
    expect(before).toEqual({ s1: { m1: '1' } });
  });

  it('settle: what was sent is dropped, what was typed again since stays', () => {
    const now = { s1: { m1: '25', m2: '11' }, s2: { m1: '3' } };
    const sent = { s1: { m1: '25', m2: '10' } };
    expect(settleEdits(now, sent)).toEqual({ s1: { m2: '11' }, s2: { m1: '3' } });
  });
});
