/**
 * Issue 12, items 1–2 ("each form's parts … come from the scale"): a course work is defended,
 * practice reported, a state exam sat before a commission — one mark of 0–100 each. The grid,
 * the teacher's file and the checks take that one part; exams keep their modules.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, scaleFor, validateScale } from '../../../src-shared/domain/grading';
import type { Database } from '../../db/connection';
import { AppError } from '../../host/app-error';
import { IDS, USERS } from '../../testing/fixture';
import type { GradeSheetsService } from './grade-sheets.service';
import { sheetsFixture } from './grade-sheets.test-kit';

describe('the scale as a control form uses it', () => {
  it('gives course work, practice and state exam one part of 100 and no admission bar; an exam keeps its modules', () => {
    for (const form of ['course_work', 'practice', 'state_exam']) {
      const s = scaleFor(DEFAULT_SCALE, form);
      expect(s.parts.map((p) => [p.key, p.max, p.kind])).toEqual([['points', 100, 'final']]);
      expect(s.admissionThreshold).toBe(0);
    }
    expect(scaleFor(DEFAULT_SCALE, 'exam')).toBe(DEFAULT_SCALE);
    expect(validateScale(DEFAULT_SCALE)).toEqual([]);
  });

  it('refuses a form whose parts do not add up to 100 or have no final part, naming the form', () => {
    const bad = { ...DEFAULT_SCALE, formParts: { practice: [{ key: 'points', max: 90, kind: 'current' as const, label: { ky: 'а', ru: 'б', en: 'c' } }] } };
    expect(validateScale(bad)).toEqual([{ code: 'formPartsInvalid', form: 'practice' }]);
  });
});

describe('a course-work sheet', () => {
  let db: Database;
  let sheets: GradeSheetsService;
  let f: Awaited<ReturnType<typeof sheetsFixture>>;
  beforeEach(async () => {
    f = await sheetsFixture();
    ({ db, sheets } = f);
    db.sqlite.exec(`UPDATE curriculum_item SET control_form = 'course_work' WHERE id = 'ci1'`);
  });
  afterEach(() => db.close());

  it('is entered as one mark of 100: total, letter and closing follow it; module points are refused', () => {
    const sheet = f.prepared();
    const d = sheets.detail(USERS.clerkEcon, sheet.id, 'ru');
    expect(d.controlForm).toBe('course_work');
    expect(d.parts.map((p) => [p.key, p.max, p.label.ru])).toEqual([['points', 100, 'Защита']]);
    expect(d.admissionThreshold).toBe(0);

    const saved = sheets.setGrades(USERS.clerkEcon, { id: sheet.id, cells: [{ studentId: IDS.studentAigerim, parts: { points: 86 } }] }, 'ru');
    expect(saved.rows.find((r) => r.studentId === IDS.studentAigerim)).toMatchObject({ total: 86, letter: expect.any(String) });

    let refused: unknown = null;
    try {
      sheets.setGrades(USERS.clerkEcon, { id: sheet.id, cells: [{ studentId: IDS.studentNurlan, parts: { m1: 20 } }] }, 'ru');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fields?.[0]).toMatchObject({ path: 'cells.0.m1' });

    sheets.setGrades(USERS.clerkEcon, { id: sheet.id, cells: [{ studentId: IDS.studentNurlan, parts: { points: 40 } }] }, 'ru');
    const closed = sheets.close(USERS.clerkEcon, { id: sheet.id, version: f.examined(sheet.id).version }, 'ru');
    expect(closed.state).toBe('closed');
  });
});
