import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, USERS } from '../../testing/fixture';
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
});
