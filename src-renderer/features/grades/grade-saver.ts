/**
 * Autosave of one grade sheet, outside React so that closing the grid does not cancel a save
 * on its way. Edits are kept (in memory and in localStorage) until the server has them; they
 * go in batches, debounced, and on blur or close. The server saves a batch all or nothing, so
 * only rows whose cells are all valid here are sent; a row the server refuses anyway keeps
 * the server's reason on its cells and is not sent again until it is edited.
 */
import type { GradeCellInput, GradeSheetDetail, RequestOf } from '../../../src-shared/contract';
import { isApiError } from '../../api/api-error';
import { cellInput, evaluateRow, gridColumns, placeServerProblems, sheetScale } from './grade-cells';
import { applyEdits, mergeDraft, readDraft, rowTexts, settleEdits, writeDraft, type Edits } from './grade-draft';
import type { DraftStorage } from '../../ui/local-store';
import { errorMessage } from '../../api/client';

export type SaveErrorCode = 'refused' | 'conflict' | 'needsReason' | 'network' | 'other';
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** message: the server's own, already in the user's language; null when the code says it all */
  | { kind: 'error'; code: SaveErrorCode; message: string | null };

export interface ClosedChangeAuth {
  reason: string;
  documentNo: string;
}

export interface SaverSnapshot {
  detail: GradeSheetDetail;
  edits: Edits;
  /** the server's refusals, by student id and column */
  serverProblems: Record<string, Record<string, string>>;
  /** refusals that name no cell */
  otherProblems: string[];
  status: SaveStatus;
  saving: boolean;
  auth: ClosedChangeAuth | null;
}

export interface SaverDeps {
  send(req: RequestOf<'gradeSheets.setGrades'>): Promise<GradeSheetDetail>;
  /** the sheet again after a refusal that may mean it changed (window closed, sheet closed) */
  reload?: () => Promise<GradeSheetDetail>;
  storage: DraftStorage | null;
  now?: () => Date;
  debounceMs?: number;
  retryMs?: number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const MAX_CELLS = 500;
const defaultTimers = { set: (fn: () => void, ms: number) => setTimeout(fn, ms), clear: (h: unknown) => clearTimeout(h as number) };

export class GradeSaver {
  private snap: SaverSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;
  private inflight: Promise<void> | null = null;
  private again = false;
  /** rows the server refused, with the edits it refused: not sent again until edited */
  private rejected = new Map<string, string>();
  private readonly deps: Required<Omit<SaverDeps, 'reload'>> & Pick<SaverDeps, 'reload'>;

  constructor(detail: GradeSheetDetail, deps: SaverDeps) {
    this.deps = { now: () => new Date(), debounceMs: 600, retryMs: 15_000, timers: defaultTimers, ...deps };
    const edits = mergeDraft(detail.rows, gridColumns(detail.parts), readDraft(deps.storage, detail.id));
    this.snap = { detail, edits, serverProblems: {}, otherProblems: [], status: { kind: 'idle' }, saving: false, auth: null };
    writeDraft(deps.storage, detail.id, edits, this.deps.now());
    // edits restored from an earlier visit go to the server again right away
    if (Object.keys(edits).length > 0) this.schedule(0);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = (): SaverSnapshot => this.snap;

  private set(patch: Partial<SaverSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = this.deps.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Typed, cleared or pasted cells: kept at once (memory and storage), sent after a pause. */
  edit(changes: readonly { studentId: string; col: string; text: string }[]): void {
    if (changes.length === 0) return;
    const edits = applyEdits(this.snap.edits, changes);
    const serverProblems = { ...this.snap.serverProblems };
    for (const c of changes) {
      delete serverProblems[c.studentId];
      this.rejected.delete(c.studentId);
    }
    writeDraft(this.deps.storage, this.snap.detail.id, edits, this.deps.now());
    this.set({ edits, serverProblems, otherProblems: [], status: this.inflight ? this.snap.status : { kind: 'pending' } });
    this.schedule(this.deps.debounceMs);
  }

  /** Reason and document for changes to a closed sheet; sent with every following save. */
  setAuth(auth: ClosedChangeAuth | null): void {
    this.set({ auth });
    if (auth && Object.keys(this.snap.edits).length > 0) this.schedule(0);
  }

  /** A newer sheet from the server (after closing it, or a reload): unsaved edits stay on top. */
  setDetail(detail: GradeSheetDetail): void {
    const edits = this.inflight ? this.snap.edits : mergeDraft(detail.rows, gridColumns(detail.parts), this.snap.edits);
    writeDraft(this.deps.storage, detail.id, edits, this.deps.now());
    this.set({ detail, edits });
  }

  /** The rows that may go now: edited, every cell valid here, not refused as they are. */
  private batch(): { cells: GradeCellInput[]; sent: Edits } {
    const { detail, edits } = this.snap;
    const scale = sheetScale(detail);
    const columns = gridColumns(detail.parts);
    const cells: GradeCellInput[] = [];
    const sent: Edits = {};
    for (const row of detail.rows) {
      const edited = edits[row.studentId];
      if (!edited || cells.length >= MAX_CELLS) continue;
      if (this.rejected.get(row.studentId) === JSON.stringify(edited)) continue;
      const ev = evaluateRow(scale, rowTexts(row, columns, edits));
      if (!ev.valid) continue;
      cells.push(cellInput(row.studentId, edited, ev.input));
      sent[row.studentId] = { ...edited };
    }
    return { cells, sent };
  }

  /** Sends what may be sent now; resolves when the server has answered (or there was nothing to send). */
  flush(): Promise<void> {
    if (this.timer !== null) {
      this.deps.timers.clear(this.timer);
      this.timer = null;
    }
    if (this.inflight) {
      this.again = true;
      return this.inflight;
    }
    const { cells, sent } = this.batch();
    if (cells.length === 0) {
      if (this.snap.status.kind === 'pending') this.set({ status: { kind: 'idle' } });
      return Promise.resolve();
    }
    const { detail, auth } = this.snap;
    if (detail.state === 'closed' && !auth) {
      this.set({ status: { kind: 'error', code: 'needsReason', message: null } });
      return Promise.resolve();
    }
    this.set({ saving: true, status: { kind: 'saving' } });
    const req: RequestOf<'gradeSheets.setGrades'> = {
      id: detail.id,
      cells,
      ...(detail.state === 'closed' && auth ? { reason: auth.reason, documentNo: auth.documentNo } : {}),
    };
    this.inflight = this.deps
      .send(req)
      .then(
        (d) => this.succeeded(d, sent),
        (e: unknown) => this.failed(e, cells),
      )
      .finally(() => {
        this.inflight = null;
        this.set({ saving: false });
        if (this.again) {
          this.again = false;
          void this.flush();
        }
      });
    return this.inflight;
  }

  private succeeded(detail: GradeSheetDetail, sent: Edits): void {
    const edits = settleEdits(this.snap.edits, sent);
    writeDraft(this.deps.storage, detail.id, edits, this.deps.now());
    this.set({ detail, edits, status: { kind: 'saved', at: this.deps.now() } });
    // more than one batch's worth (a paste into a very long sheet), or typed while this one was on its way
    if (this.batch().cells.length > 0) this.again = true;
  }

  private failed(e: unknown, cells: readonly GradeCellInput[]): void {
    if (isApiError(e) && e.code === 'validation' && e.fields.length > 0) {
      const sentIds = cells.map((c) => c.studentId);
      const placed = placeServerProblems(e.fields, sentIds, gridColumns(this.snap.detail.parts));
      for (const id of Object.keys(placed.cells)) this.rejected.set(id, JSON.stringify(this.snap.edits[id] ?? {}));
      const refusedAll = sentIds.every((id) => placed.cells[id]);
      this.set({
        serverProblems: { ...this.snap.serverProblems, ...placed.cells },
        otherProblems: placed.other,
        status: { kind: 'error', code: 'refused', message: e.message },
      });
      // the batch was refused as a whole: the rows nobody complained about go again on their own
      if (!refusedAll && Object.keys(placed.cells).length > 0) this.again = true;
      return;
    }
    if (isApiError(e) && (e.code === 'unreachable' || e.code === 'internal')) {
      this.set({ status: { kind: 'error', code: 'network', message: e.message } });
      this.schedule(this.deps.retryMs);
      return;
    }
    const code: SaveErrorCode = isApiError(e) && (e.code === 'conflict' || e.code === 'forbidden') ? 'conflict' : 'other';
    this.set({ status: { kind: 'error', code, message: errorMessage(e) } });
    // the window may have closed, or someone closed the sheet: show it as it is now
    if (code === 'conflict' && this.deps.reload) {
      this.deps.reload().then(
        (d) => this.setDetail(d),
        () => undefined,
      );
    }
  }

  /** Sends what is left now; the save completes (and updates storage) after the grid is gone. */
  dispose(): void {
    void this.flush();
  }
}
