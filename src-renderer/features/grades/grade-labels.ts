/** Catalog keys for the grade sheets' closed vocabularies: a new value without a message is a type error. */
import type { AcademicSessionView, GradeSheetSummary } from '../../../src-shared/contract';
import type { ControlForm } from '../../../src-shared/domain/enums';
import type { MessageKey } from '../../../src-shared/i18n';

export const controlFormKey = (f: ControlForm) => `grades.controlForm.${f}` as const satisfies MessageKey;
export const sheetStateKey = (s: GradeSheetSummary['state']) => `grades.state.${s}` as const satisfies MessageKey;
export const termKey = (t: AcademicSessionView['term']) => `grades.term.${t}` as const satisfies MessageKey;
export const sheetKindKey = (k: GradeSheetSummary['kind']) => `grades.kind.${k}` as const satisfies MessageKey;
