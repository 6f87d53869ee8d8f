import { describe, expect, it } from 'vitest';
import type { GradeSheetDetail, RequestOf } from '../../../src-shared/contract';
import { ApiError } from '../../api/api-error';
import { MARK_COL } from './grade-cells';
import { GradeSaver, type SaverDeps } from './grade-saver';
import { memoryStorage, testRow, testSheet } from './grade-test-data';

type Req = RequestOf<'gradeSheets.setGrades'>;

/** A saver with hand-driven timers and a server that applies cells the way setGrades does. */
function setup(detail: GradeSheetDetail = testSheet(), storage = memoryStorage()) {
  const sent: Req[] = [];
  let pending: { resolve(d: GradeSheetDetail): void; reject(e: unknown): void } | null = null;
  let timers: (() => void)[] = [];
  let server = detail;
  const apply = (req: Req): GradeSheetDetail => {
    server = {
      ...server,
      rows: server.rows.map((r) => {
        const c = req.cells.find((x) => x.studentId === r.studentId);
        if (!c) return r;
        return { ...r, parts: { ...r.parts, ...c.parts }, mark: c.mark === undefined ? r.mark : c.mark };
      }),
    };
    return server;
  };
  const deps: SaverDeps = {
    storage,
    now: () => new Date(2026, 0, 10, 14, 5),
    send: (req) => {
      sent.push(req);
      return new Promise((resolve, reject) => (pending = { resolve, reject }));
    },
    timers: { set: (fn) => timers.push(fn), clear: () => (timers = []) },
  };
  const saver = new GradeSaver(detail, deps);
  return {
    saver,
    sent,
    storage,
    tick() {
      const run = timers;
      timers = [];
      run.forEach((f) => f());
    },
    async answer() {
      const p = pending!;
      pending = null;
      p.resolve(apply(sent[sent.length - 1]!));
      await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
    },
    async refuse(e: unknown) {
      const p = pending!;
      pending = null;
      p.reject(e);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('autosave', () => {
  it('keeps an edit in storage at once and sends it after the pause', async () => {
    const t = setup();
    t.saver.edit([{ studentId: 's2', col: 'm1', text: '25,0' }]);
    expect(t.saver.getSnapshot().status).toEqual({ kind: 'pending' });
    expect(JSON.parse(t.storage.getItem('unidesk.grades.sheet-1')!).edits).toEqual({ s2: { m1: '25,0' } });
    expect(t.sent).toEqual([]);
    t.tick();
    expect(t.sent).toEqual([{ id: 'sheet-1', cells: [{ studentId: 's2', parts: { m1: 25 } }] }]);
    expect(t.saver.getSnapshot().saving).toBe(true);
    await t.answer();
    const s = t.saver.getSnapshot();
    expect(s.edits).toEqual({});
    expect(s.status).toEqual({ kind: 'saved', at: new Date(2026, 0, 10, 14, 5) });
    expect(s.saving).toBe(false);
    expect(t.storage.getItem('unidesk.grades.sheet-1')).toBeNull();
  });

  it('sends only rows valid here and keeps the invalid ones (and their texts) unsent', async () => {
    const t = setup();
    t.saver.edit([
      { studentId: 's1', col: 'm2', text: '25,5' },
      { studentId: 's2', col: 'm1', text: '10' },
      { studentId: 's3', col: MARK_COL, text: 'н' },
    ]);
    void t.saver.flush();
    expect(t.sent[0]!.cells).toEqual([
      { studentId: 's2', parts: { m1: 10 } },
      { studentId: 's3', mark: 'absent' },
    ]);
    await t.answer();
    expect(t.saver.getSnapshot().edits).toEqual({ s1: { m2: '25,5' } });
    expect(readStored(t.storage)).toEqual({ s1: { m2: '25,5' } });
  });

  it('an edit made while a batch is on its way is not lost and goes next', async () => {
    const t = setup();
    t.saver.edit([{ studentId: 's2', col: 'm1', text: '10' }]);
    t.tick();
    t.saver.edit([{ studentId: 's2', col: 'm1', text: '11' }]);
    await t.answer();
    expect(t.saver.getSnapshot().edits).toEqual({ s2: { m1: '11' } });
    expect(t.sent).toHaveLength(2);
    expect(t.sent[1]!.cells).toEqual([{ studentId: 's2', parts: { m1: 11 } }]);
    await t.answer();
    expect(t.saver.getSnapshot().edits).toEqual({});
  });

  it("places the server's refusals on cells, and sends the rest again without the refused row", async () => {
    const t = setup();
    t.saver.edit([
      { studentId: 's2', col: 'm1', text: '10' },
      { studentId: 's3', col: 'm1', text: '12' },
    ]);
    t.tick();
    await t.refuse(new ApiError('validation', '1 problem', [{ path: 'cells.1.m1', message: 'row 3: no' }]));
    const s = t.saver.getSnapshot();
    expect(s.serverProblems).toEqual({ s3: { m1: 'row 3: no' } });
    expect(t.sent[1]!.cells).toEqual([{ studentId: 's2', parts: { m1: 10 } }]);
    await t.answer();
    expect(t.saver.getSnapshot().status.kind).toBe('saved');
    expect(t.saver.getSnapshot().serverProblems).toEqual({ s3: { m1: 'row 3: no' } });
    expect(t.saver.getSnapshot().edits).toEqual({ s3: { m1: '12' } });
    // not sent again as it is; an edit clears the server's flag and sends it
    await t.saver.flush();
    expect(t.sent).toHaveLength(2);
    t.saver.edit([{ studentId: 's3', col: 'm1', text: '13' }]);
    expect(t.saver.getSnapshot().serverProblems).toEqual({});
    t.tick();
    expect(t.sent[2]!.cells).toEqual([{ studentId: 's3', parts: { m1: 13 } }]);
  });

  it('a refusal of every sent row stays on the status line', async () => {
    const t = setup();
    t.saver.edit([{ studentId: 's3', col: 'm1', text: '12' }]);
    t.tick();
    await t.refuse(new ApiError('validation', '1 problem', [{ path: 'cells.0.m1', message: 'row 3: no' }]));
    expect(t.saver.getSnapshot().status).toEqual({ kind: 'error', code: 'refused', message: '1 problem' });
    expect(t.sent).toHaveLength(1);
  });

  it('a closed window keeps the edits and shows the server message', async () => {
    const t = setup();
    t.saver.edit([{ studentId: 's2', col: 'm1', text: '10' }]);
    t.tick();
    await t.refuse(new ApiError('conflict', 'Entry is closed: 05.01.2026 to 25.01.2026'));
    const s = t.saver.getSnapshot();
    expect(s.status).toEqual({ kind: 'error', code: 'conflict', message: 'Entry is closed: 05.01.2026 to 25.01.2026' });
    expect(s.edits).toEqual({ s2: { m1: '10' } });
    expect(readStored(t.storage)).toEqual({ s2: { m1: '10' } });
  });

  it('a closed sheet needs a reason and a document, which go with the save', async () => {
    const t = setup(testSheet({ state: 'closed' }));
    t.saver.edit([{ studentId: 's2', col: 'm1', text: '10' }]);
    t.tick();
    expect(t.sent).toEqual([]);
    expect(t.saver.getSnapshot().status).toEqual({ kind: 'error', code: 'needsReason', message: null });
    t.saver.setAuth({ reason: 'Typo', documentNo: 'Акт 5' });
    t.tick();
    expect(t.sent[0]).toMatchObject({ reason: 'Typo', documentNo: 'Акт 5' });
  });

  it('restores a draft left by an earlier visit on top of the server and sends it again', () => {
    const storage = memoryStorage();
    storage.setItem('unidesk.grades.sheet-1', JSON.stringify({ v: 1, savedAt: 'x', edits: { s1: { m1: '20', m2: '15' }, gone: { m1: '1' } } }));
    const t = setup(testSheet(), storage);
    expect(t.saver.getSnapshot().edits).toEqual({ s1: { m2: '15' } });
    t.tick();
    expect(t.sent[0]!.cells).toEqual([{ studentId: 's1', parts: { m2: 15 } }]);
  });

  it('after a network failure keeps the edits and tries again later', async () => {
    const t = setup(testSheet({ rows: [testRow('s1', 1)] }));
    t.saver.edit([{ studentId: 's1', col: 'exam', text: '30' }]);
    t.tick();
    await t.refuse(new ApiError('unreachable', 'offline'));
    expect(t.saver.getSnapshot().status).toMatchObject({ kind: 'error', code: 'network' });
    t.tick();
    expect(t.sent).toHaveLength(2);
  });
});

function readStored(storage: Storage) {
  return JSON.parse(storage.getItem('unidesk.grades.sheet-1') ?? '{"edits":{}}').edits;
}
