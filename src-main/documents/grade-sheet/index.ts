/** The grade sheet (ведомость) document: PDF and xlsx from one content builder (DOMAIN.md §3). */
export { renderGradeSheetPdf, gradeSheetPdfDefinition } from './grade-sheet.pdf';
export { renderGradeSheetXlsx } from './grade-sheet.xlsx';
export {
  gradeSheetContent,
  type GradeSheetColumn,
  type GradeSheetColumnKey,
  type GradeSheetContent,
  type GradeSheetRowContent,
  type GradeSheetSummary,
  type InfoField,
  type SummaryLine,
} from './grade-sheet-content';
