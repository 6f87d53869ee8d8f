import type { ExportedFile, GradeSheetDetail, SessionUser } from '../../../src-shared/contract';
import type { StudyForm } from '../../../src-shared/domain/enums';
import { signatureName } from '../../../src-shared/domain/person';
import { isoDateIn } from '../../../src-shared/domain/today';
import { universityTimeZone } from '../../platform/university-clock';
import type { Database } from '../../db/connection';
import type { GradeSheetDocumentInput } from '../../documents/grade-sheet-document.model';
import type { DocumentLanguage } from '../../documents/order-document.model';
import { renderGradeSheetPdf } from '../../documents/grade-sheet/grade-sheet.pdf';
import { renderDirectionPdf } from '../../documents/grade-sheet/direction.pdf';
import { AppError } from '../../host/app-error';
import { renderGradeSheetXlsx, type XlsxImportMarks } from '../../documents/grade-sheet/grade-sheet.xlsx';
import type { GradeSheetColumn } from '../../documents/grade-sheet/grade-sheet-content';
import { COL, partColumnKey, writeIdentification } from './teacher-excel-layout';
import { scaleById } from './grading-scale.repository';
import type { GradeSheetsService } from './grade-sheets.service';
import { sheetDocumentRow } from './grade-sheets.repository';
import { holderSignature, universityNames } from '../reference/reference.service';


/** Resolves a sheet into what its document shows (DOMAIN.md §3 "Grade sheet document"). */
export function gradeSheetDocumentInput(db: Database, sheet: GradeSheetDetail, blank: boolean): GradeSheetDocumentInput {
  const row = sheetDocumentRow(db, sheet.id)!;
  const scale = scaleById(db, row.scale_id);
  return {
    university: universityNames(db),
    faculty: { ky: row.f_ky, ru: row.f_ru, en: row.f_en },
    number: sheet.number,
    kind: sheet.kind,
    attempt: sheet.attempt,
    parentNumber: row.parent_number,
    academicYear: sheet.academicYearId,
    semester: sheet.semester,
    course: row.course,
    groupName: sheet.groupName,
    form: row.form as StudyForm,
    specialty: { code: row.code, name: { ky: row.sp_ky, ru: row.sp_ru, en: row.sp_en } },
    discipline: sheet.discipline,
    credits: sheet.credits,
    hours: row.hours,
    controlForm: sheet.controlForm,
    examiner: row.ex_last ? signatureName({ lastName: row.ex_last, firstName: row.ex_first ?? '', patronymic: row.ex_patronymic }) : '',
    examDate: row.exam_date,
    // the faculty's dean signs the sheet; the position comes from the staff records
    dean: holderSignature(db, 'dean', row.faculty_id) ?? '',
    parts: sheet.parts.map((p) => ({ key: p.key, label: p.label, max: p.max, kind: p.kind })),
    rows: sheet.rows.map((r) => ({
      position: r.position,
      lastName: r.lastName,
      firstName: r.firstName,
      patronymic: r.patronymic,
      sex: r.sex,
      recordBookNo: r.recordBookNo,
      parts: blank ? {} : r.parts,
      mark: blank ? null : r.mark,
      total: blank ? null : r.total,
      letter: blank ? null : r.letter,
      traditional: blank ? null : r.traditional,
    })),
    blank,
    closedOn: sheet.state === 'closed' && row.closed_at ? isoDateIn(universityTimeZone(), new Date(row.closed_at)) : null,
    letters: scale.bands.map((b) => b.letter),
    creditTestPassMark: scale.creditTestPassMark,
  };
}

export async function exportGradeSheet(
  db: Database,
  sheets: GradeSheetsService,
  session: SessionUser,
  req: { id: string; format: 'pdf' | 'xlsx'; lang: DocumentLanguage; blank: boolean },
): Promise<ExportedFile> {
  const sheet = sheets.detail(session, req.id, req.lang);
  const input = gradeSheetDocumentInput(db, sheet, req.blank);
  const buffer = req.format === 'pdf' ? await renderGradeSheetPdf(input, req.lang) : await renderGradeSheetXlsx(input, req.lang, importMarks(sheet, input, req.lang));
  return {
    fileName: `sheet-${sheet.number}-${sheet.groupName}${req.blank ? '-blank' : ''}-${req.lang}.${req.format}`.replace(/[^\p{L}\p{N}._-]/gu, '_'),
    mimeType: req.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
  };
}

/** The direction (жолдомо / направление) of each student of a retake or individual sheet, as one PDF. */
export async function exportDirection(db: Database, sheets: GradeSheetsService, session: SessionUser, req: { id: string; lang: DocumentLanguage }): Promise<ExportedFile> {
  const sheet = sheets.detail(session, req.id, req.lang);
  if (sheet.kind === 'main') throw new AppError('validation', 'error.direction.mainSheet', { number: sheet.number });
  const buffer = await renderDirectionPdf(gradeSheetDocumentInput(db, sheet, false), req.lang);
  return {
    fileName: `direction-${sheet.number}-${req.lang}.pdf`.replace(/[^\p{L}\p{N}._-]/gu, '_'),
    mimeType: 'application/pdf',
    base64: buffer.toString('base64'),
  };
}

/**
 * The marks that let the printed sheet's workbook be filled in Excel and imported back like the
 * teacher's file (teacher-excel-layout.ts): the same identification, with the roster as printed
 * (a blank sheet: nothing), and the total's column keyed as the place a mark is written.
 */
function importMarks(sheet: GradeSheetDetail, input: GradeSheetDocumentInput, lang: DocumentLanguage): XlsxImportMarks {
  const byPosition = new Map(sheet.rows.map((r) => [r.position, r.studentId]));
  const keys: Partial<Record<GradeSheetColumn['key'], string>> = { no: COL.no, fullName: COL.name, recordBook: COL.recordBook, total: COL.markOrTotal };
  return {
    key: (col) => (col.key === 'part' ? partColumnKey(col.partKey!) : keys[col.key] ?? ''),
    idKey: COL.studentId,
    endKey: COL.end,
    rowId: (position) => byPosition.get(position) ?? null,
    finish: (wb) =>
      writeIdentification(wb, {
        sheetId: sheet.id,
        sheetNumber: sheet.number,
        parts: sheet.parts.map((p) => p.key),
        lang: lang === 'ru' ? 'ru' : 'ky',
        roster: sheet.rows.map((r, i) => ({
          studentId: r.studentId,
          mark: input.rows[i]!.mark,
          parts: sheet.parts.map((p) => input.rows[i]!.parts[p.key] ?? null),
        })),
      }),
  };
}
