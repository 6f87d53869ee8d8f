/**
 * The grading scale as the editor holds it: every number as the text the administrator typed,
 * so a half-typed value stays on screen. checkForm turns it back into a scale and finds the
 * problems in place — first what does not parse, then validateScale's rules worded by
 * describeScaleProblems, the same rules and messages main applies when saving.
 */
import type { FieldProblem } from '../../../src-shared/contract';
import { validateScale, type GradeBand, type GradingScale, type Outcome, type ScalePart } from '../../../src-shared/domain/grading';
import { describeScaleProblems } from '../../../src-shared/domain/grading-scale-problems';
import type { MessageKey } from '../../../src-shared/i18n';

export interface BandRow {
  min: string;
  max: string;
  letter: string;
  /** GPA as shown: "3.67" or "3,67" */
  gpa: string;
  traditional: GradeBand['traditional'];
  outcome: Outcome;
}
export interface PartRow {
  key: string;
  max: string;
  kind: ScalePart['kind'];
  ky: string;
  ru: string;
  en: string;
}
export interface ScaleForm {
  bands: BandRow[];
  parts: PartRow[];
  admissionThreshold: string;
  passMark: string;
  attemptLimit: string;
  creditTestPassMark: string;
  /** course work, practice, state exam: their own parts, carried through unedited */
  formParts?: GradingScale['formParts'];
}
export type ThresholdField = 'admissionThreshold' | 'passMark' | 'attemptLimit' | 'creditTestPassMark';
export const THRESHOLDS: readonly ThresholdField[] = ['admissionThreshold', 'passMark', 'attemptLimit', 'creditTestPassMark'];

/** A problem to show: a catalog message, or text main already put in the user's language. */
export type Problem = { key: MessageKey; values?: Record<string, string | number> } | { text: string };
/** problems by path into the scale ("bands.2.min", "parts", "passMark") */
export type Problems = ReadonlyMap<string, Problem[]>;

/** GPA is kept in hundredths (grading.ts); shown with the locale's decimal separator. */
export function gpaText(hundredths: number, decimal: ',' | '.'): string {
  return (hundredths / 100).toFixed(2).replace('.', decimal);
}

export function formOf(scale: GradingScale, decimal: ',' | '.'): ScaleForm {
  return {
    bands: scale.bands.map((b) => ({ min: String(b.min), max: String(b.max), letter: b.letter, gpa: gpaText(b.gpa, decimal), traditional: b.traditional, outcome: b.outcome })),
    parts: scale.parts.map((p) => ({ key: p.key, max: String(p.max), kind: p.kind, ky: p.label.ky, ru: p.label.ru, en: p.label.en })),
    admissionThreshold: String(scale.admissionThreshold),
    passMark: String(scale.passMark),
    attemptLimit: String(scale.attemptLimit),
    creditTestPassMark: String(scale.creditTestPassMark),
    ...(scale.formParts ? { formParts: scale.formParts } : {}),
  };
}

export const emptyBand = (): BandRow => ({ min: '', max: '', letter: '', gpa: '', traditional: 3, outcome: 'pass' });
export const emptyPart = (): PartRow => ({ key: '', max: '', kind: 'current', ky: '', ru: '', en: '' });

function int(text: string): number | null {
  const t = text.trim();
  return /^-?\d{1,4}$/.test(t) ? Number(t) : null;
}

/** "3,67", "3.67", "4" → hundredths; more than two decimals or anything else → null. */
export function parseGpa(text: string): number | null {
  const m = /^(\d)(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** The parts' maxima typed so far (blank or unparsable ones count 0), for the "x of 100" line. */
export function partsSum(form: ScaleForm): number {
  return form.parts.reduce((sum, p) => sum + (int(p.max) ?? 0), 0);
}

function add(map: Map<string, Problem[]>, path: string, p: Problem): void {
  const list = map.get(path);
  if (list) list.push(p);
  else map.set(path, [p]);
}

export interface Checked {
  /** the scale to send; null while some field does not parse */
  scale: GradingScale | null;
  problems: Problems;
  count: number;
}

export function checkForm(form: ScaleForm): Checked {
  const problems = new Map<string, Problem[]>();
  let count = 0;
  const need = (path: string, value: number | null, key: MessageKey): number => {
    if (value === null) {
      add(problems, path, { key });
      count++;
    }
    return value ?? 0;
  };
  const whole = (path: string, text: string) => need(path, int(text), 'scale.cell.notInteger');
  const scale: GradingScale = {
    bands: form.bands.map((b, i) => ({
      min: whole(`bands.${i}.min`, b.min),
      max: whole(`bands.${i}.max`, b.max),
      letter: b.letter.trim(),
      gpa: need(`bands.${i}.gpa`, parseGpa(b.gpa), 'scale.cell.gpa'),
      traditional: b.traditional,
      outcome: b.outcome,
    })),
    parts: form.parts.map((p, i) => ({
      key: p.key.trim(),
      max: whole(`parts.${i}.max`, p.max),
      kind: p.kind,
      label: { ky: p.ky.trim(), ru: p.ru.trim(), en: p.en.trim() },
    })),
    admissionThreshold: whole('admissionThreshold', form.admissionThreshold),
    passMark: whole('passMark', form.passMark),
    attemptLimit: whole('attemptLimit', form.attemptLimit),
    creditTestPassMark: whole('creditTestPassMark', form.creditTestPassMark),
    ...(form.formParts ? { formParts: form.formParts } : {}),
  };
  // the rules between fields only make sense once every number is a number
  if (count > 0) return { scale: null, problems, count };
  for (const issue of describeScaleProblems(scale, validateScale(scale))) {
    add(problems, issue.path, { key: issue.key, values: issue.values });
    count++;
  }
  return { scale: count ? null : scale, problems, count };
}

/** Main's field problems ("scale.bands.7.min") placed on the same paths the editor uses. */
export function serverProblems(fields: readonly FieldProblem[]): Problems {
  const map = new Map<string, Problem[]>();
  for (const f of fields) add(map, f.path.replace(/^scale\./, ''), { text: f.message });
  return map;
}

