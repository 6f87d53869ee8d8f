import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, USERS } from '../../testing/fixture';
import { formatDate } from '../../../src-shared/domain/dates';
import { isoDateIn } from '../../../src-shared/domain/today';
import { universityTimeZone } from '../../platform/university-clock';
import { exportGradeSheet } from './grade-sheet-document';
import { sheetsFixture } from './grade-sheets.test-kit';

let f: Awaited<ReturnType<typeof sheetsFixture>>;
beforeEach(async () => {
  f = await sheetsFixture();
});
afterEach(() => f.db.close());

function pdfText(base64: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-sheet-')), 's.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

describe('a grade sheet as a document', () => {
  it('prints the filled sheet with the students’ Kyrgyz names, points and counts', async () => {
    const s = f.prepared();
    f.sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [
      { studentId: IDS.studentAigerim, parts: { m1: 28, m2: 27, exam: 40 } },
      { studentId: IDS.studentNurlan, parts: { m1: 20, m2: 20 }, mark: 'absent' },
    ] }, 'ky');
    const file = await exportGradeSheet(f.db, f.sheets, USERS.clerkEcon, { id: s.id, format: 'pdf', lang: 'ky', blank: false });
    expect(file.fileName).toBe(`sheet-26-00001-ЭК-1-26-ky.pdf`);
    const text = pdfText(file.base64);
    expect(text).toContain('Жеңишбеков');
    expect(text).toContain('Асанова');
    expect(text).toContain('95');
    expect(text).toContain('келген жок');
  });

  it('prints a blank sheet with names but no points, and an xlsx', async () => {
    const s = f.prepared();
    f.sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 28, m2: 27, exam: 33 } }] }, 'ru');
    const blank = pdfText((await exportGradeSheet(f.db, f.sheets, USERS.clerkEcon, { id: s.id, format: 'pdf', lang: 'ru', blank: true })).base64);
    expect(blank).toContain('Асанова');
    expect(blank).not.toContain('88');
    const xlsx = await exportGradeSheet(f.db, f.sheets, USERS.clerkEcon, { id: s.id, format: 'xlsx', lang: 'ru', blank: false });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('marks a filled sheet that is not closed as not final on every page, and prints a closed one’s closing date', async () => {
    const s = f.prepared();
    const rows = f.sheets.detail(USERS.clerkEcon, s.id, 'ru').rows;
    f.sheets.setGrades(USERS.clerkEcon, { id: s.id, cells: rows.map((r) => ({ studentId: r.studentId, parts: { m1: 25, m2: 25, exam: 30 } })) }, 'ru');
    const print = async () => pdfText((await exportGradeSheet(f.db, f.sheets, USERS.clerkEcon, { id: s.id, format: 'pdf', lang: 'ru', blank: false })).base64);
    const open = await print();
    expect(open).toContain('НЕ ЗАКРЫТА');
    expect(open).not.toMatch(/закрыта \d/);
    // a blank sheet is for writing on: no mark
    expect(pdfText((await exportGradeSheet(f.db, f.sheets, USERS.clerkEcon, { id: s.id, format: 'pdf', lang: 'ru', blank: true })).base64)).not.toContain('НЕ ЗАКРЫТА');

    const examined = f.examined(s.id);
    f.sheets.close(USERS.clerkEcon, { id: s.id, version: examined.version }, 'ru');
    const closed = await print();
    expect(closed).not.toContain('НЕ ЗАКРЫТА');
    expect(closed).toContain(`закрыта ${formatDate(isoDateIn(universityTimeZone(), new Date()))}`);
  });
});

