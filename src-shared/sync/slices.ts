/**
 * The offices' sync slices, in dependency order (a parent table's slice before its children's).
 * Adding an office that syncs: its `<office>.sync.ts`, and one line here.
 */
import { curriculaSync } from './curricula.sync';
import { gradeSheetsSync } from './grade-sheets.sync';
import { gradingCalendarSync } from './grading-calendar.sync';
import { referenceSync } from './reference.sync';
import { registrarSync } from './registrar.sync';
import { studentsSync } from './students.sync';
import type { SyncSlice } from './sync-slice';

export const SYNC_SLICES: readonly SyncSlice[] = [referenceSync, curriculaSync, gradingCalendarSync, studentsSync, gradeSheetsSync, registrarSync];
