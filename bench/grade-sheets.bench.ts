/**
 * Grade sheets to paper: N sheets × ~25 students to PDF and to xlsx through the batch
 * pipeline (worker threads), side by side with LibreOffice converting the same xlsx files to
 * PDF the way offices print today (`soffice --headless --convert-to pdf`).
 */
import path from 'node:path';
import { openDatabase } from '../src-main/db/connection';
import { generateDemo } from '../src-main/features/demo/demo.generator';
import { exportBatch } from '../src-main/documents/batch-export';
import { createGradeSheetsService } from '../src-main/features/grade-sheets/grade-sheets.service';
import type { SessionUser } from '../src-shared/contract';
import type { Role } from '../src-shared/domain/roles';
import { libreOfficeBeside, type BenchRow } from './bench-kit';

export type { BenchRow } from './bench-kit';

export async function gradeSheetsBench(dir: string, sheetsWanted: number): Promise<BenchRow[]> {
  const file = path.join(dir, 'sheets.sqlite');
  const db = openDatabase(file);
  await generateDemo(db, { students: 3000 });
  const sheets = createGradeSheetsService(db, () => '2026-12-20');
  const clerks = db.sqlite.prepare(`SELECT id, username, display_name, role, faculty_id FROM app_user WHERE role = 'clerk'`).all() as {
    id: string; username: string; display_name: string; role: Role; faculty_id: string;
  }[];
  // Every faculty's autumn and spring sheets, generated as a clerk would (admin acts for faculties without a demo clerk).
  const admin = { id: clerks[0]!.id, username: 'bench', displayName: 'bench', role: 'students_hr' as Role, facultyId: null };
  for (const ses of db.sqlite.prepare(`SELECT id, faculty_id, term FROM academic_session WHERE academic_year_id = '2026-2027' AND term IN ('autumn', 'spring')`).all() as { id: string; faculty_id: string; term: 'autumn' | 'spring' }[]) {
    const c = clerks.find((x) => x.faculty_id === ses.faculty_id);
    const user: SessionUser = { id: c?.id ?? admin.id, username: 'bench', displayName: 'bench', role: 'clerk', facultyId: ses.faculty_id };
    if (ses.term === 'spring') {
      for (const g of db.sqlite.prepare(`SELECT id FROM student_group WHERE faculty_id = ?`).pluck().all(ses.faculty_id) as string[]) {
        try {
          sheets.registerGroup(user, { groupId: g, academicYearId: '2026-2027', term: 'spring' });
        } catch {
          // groups without a curriculum for the semester are skipped, as a clerk would
        }
      }
    }
    sheets.generate(user, ses.id);
  }
  // Filled sheets: points for everyone, so the PDFs carry totals, letters and footer counts.
  db.sqlite.exec(`UPDATE grade SET parts_json = json_object('m1', 15 + abs(random()) % 16, 'm2', 15 + abs(random()) % 16, 'exam', abs(random()) % 41)`);
  db.sqlite.exec(`UPDATE grade SET total = json_extract(parts_json, '$.m1') + json_extract(parts_json, '$.m2') + json_extract(parts_json, '$.exam')`);
  // course work, practice and state exam are one mark of 100 (the scale's parts of their form)
  db.sqlite.exec(`UPDATE grade SET parts_json = json_object('points', total) WHERE sheet_id IN (
    SELECT gs.id FROM grade_sheet gs JOIN curriculum_item ci ON ci.id = gs.curriculum_item_id WHERE ci.control_form IN ('course_work', 'practice', 'state_exam'))`);
  const ids = db.sqlite.prepare(`SELECT id FROM grade_sheet WHERE academic_year_id = '2026-2027' ORDER BY seq LIMIT ?`).pluck().all(sheetsWanted) as string[];
  const students = (db.sqlite.prepare(`SELECT avg(n) FROM (SELECT count(*) AS n FROM grade WHERE sheet_id IN (SELECT id FROM grade_sheet WHERE academic_year_id = '2026-2027' ORDER BY seq LIMIT ?) GROUP BY sheet_id)`).pluck().get(sheetsWanted) as number) ?? 0;
  await db.close();

  const workerFile = path.join(__dirname, '..', 'workers', 'grade-sheet-batch.cjs');
  const rows: BenchRow[] = [];
  const timed = async (format: 'pdf' | 'xlsx', out: string) => {
    const t0 = Date.now();
    await exportBatch({ dbFile: file, ids, job: { format, lang: 'ky', blank: false }, out, workerFile });
    return (Date.now() - t0) / 1000;
  };
  const pdfSeconds = await timed('pdf', path.join(dir, 'pdf'));
  rows.push({ scenario: `${ids.length} grade sheets (≈${students.toFixed(0)} students each) → PDF, 2 worker threads`, figure: `${pdfSeconds.toFixed(1)} s`, note: `${(pdfSeconds * 1000 / ids.length).toFixed(0)} ms a sheet; target ≤ 20 s for 1,000` });
  const xlsxDir = path.join(dir, 'xlsx');
  const xlsxSeconds = await timed('xlsx', xlsxDir);
  rows.push({ scenario: `${ids.length} grade sheets → xlsx, 2 worker threads`, figure: `${xlsxSeconds.toFixed(1)} s`, note: `${(xlsxSeconds * 1000 / ids.length).toFixed(0)} ms a sheet` });

  rows.push(libreOfficeBeside(dir, xlsxDir, pdfSeconds));
  return rows;
}
