/**
 * Where each problem validateScale finds sits in the scale an administrator edits, and which
 * message words it (issue 4): "band 3: from 60 overlaps band 2 (55–64)". Main sends these as
 * field problems; the editor uses the same paths to show each one next to its cell.
 * Band and part numbers in messages are 1-based, as the editor's tables show them.
 */
import type { gradingScaleRu } from '../i18n/grading-scale.ru';
import type { GradingScale, ScaleProblem } from './grading';

export type ScaleProblemKey = Extract<keyof typeof gradingScaleRu, `scale.problem.${string}`>;

export interface ScaleIssue {
  /** into the scale: "bands.2.min", "parts.0.max", "passMark"; "bands" or "parts" for the whole table */
  path: string;
  key: ScaleProblemKey;
  values: Record<string, string | number>;
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

export function describeScaleProblems(scale: GradingScale, problems: readonly ScaleProblem[]): ScaleIssue[] {
  // validateScale reports the 2nd, 3rd… use of a letter or key; count to find which one
  const seen = new Map<string, number>();
  const nth = (kind: string, value: string, indexes: number[]): number | undefined => {
    const k = `${kind}\u0000${value}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return indexes[kind === 'reserved' ? n - 1 : n];
  };
  const bandsWithLetter = (l: string) => scale.bands.flatMap((b, i) => (b.letter === l ? [i] : []));
  const partsWithKey = (key: string) => scale.parts.flatMap((p, i) => (p.key === key ? [i] : []));

  return problems.map((p): ScaleIssue => {
    switch (p.code) {
      case 'bandInvalid':
        return { path: `bands.${p.band}.${p.field}`, key: 'scale.problem.bandInvalid', values: { band: p.band + 1, what: p.field } };
      case 'bandEmpty':
        return { path: `bands.${p.band}.max`, key: 'scale.problem.bandEmpty', values: { band: p.band + 1, min: p.min, max: p.max } };
      case 'bandOutOfRange':
        return { path: `bands.${p.band}.${p.min < 0 ? 'min' : 'max'}`, key: 'scale.problem.bandOutOfRange', values: { band: p.band + 1, min: p.min, max: p.max } };
      case 'pointsOverlap':
        return overlap(scale, p.from, p.to);
      case 'pointsUncovered': {
        const above = scale.bands.findIndex((b) => b.min === p.to + 1);
        const below = scale.bands.findIndex((b) => b.max === p.from - 1);
        const path = above >= 0 ? `bands.${above}.min` : below >= 0 ? `bands.${below}.max` : 'bands';
        return { path, key: 'scale.problem.pointsUncovered', values: { from: p.from, to: p.to } };
      }
      case 'letterDuplicate': {
        const i = nth('letter', p.letter, bandsWithLetter(p.letter));
        return { path: i === undefined ? 'bands' : `bands.${i}.letter`, key: 'scale.problem.letterDuplicate', values: { band: (i ?? 0) + 1, letter: p.letter } };
      }
      case 'gpaOutOfRange':
        return { path: `bands.${p.band}.gpa`, key: 'scale.problem.gpaOutOfRange', values: { band: p.band + 1 } };
      case 'bandOrder':
        return { path: `bands.${p.band}.${p.field}`, key: 'scale.problem.bandOrder', values: { band: p.band + 1, what: p.field } };
      case 'traditionalVsOutcome':
        return { path: `bands.${p.band}.outcome`, key: 'scale.problem.traditionalVsOutcome', values: { band: p.band + 1, traditional: p.traditional } };
      case 'partInvalid':
        return { path: `parts.${p.part}.${p.field}`, key: 'scale.problem.partInvalid', values: { part: p.part + 1, what: p.field } };
      case 'partKeyDuplicate':
      case 'partKeyReserved': {
        const i = nth(p.code === 'partKeyReserved' ? 'reserved' : 'key', p.key, partsWithKey(p.key));
        const key = p.code === 'partKeyReserved' ? 'scale.problem.partKeyReserved' : 'scale.problem.partKeyDuplicate';
        return { path: i === undefined ? 'parts' : `parts.${i}.key`, key, values: { part: (i ?? 0) + 1, key: p.key } };
      }
      case 'partsSum':
        return { path: 'parts', key: 'scale.problem.partsSum', values: { sum: p.sum } };
      case 'noFinalPart':
        return { path: 'parts', key: 'scale.problem.noFinalPart', values: {} };
      case 'noPassBand':
        return { path: 'bands', key: 'scale.problem.noPassBand', values: {} };
      case 'formPartsInvalid':
        return { path: `formParts.${p.form}`, key: 'scale.problem.formPartsInvalid', values: { form: p.form } };
      case 'admissionThresholdInvalid':
        return { path: 'admissionThreshold', key: 'scale.problem.admissionThresholdInvalid', values: { value: p.value } };
      case 'admissionThresholdAboveCurrent':
        return { path: 'admissionThreshold', key: 'scale.problem.admissionThresholdAboveCurrent', values: { value: p.value, currentMax: p.currentMax } };
      case 'passMarkOutOfRange':
        return { path: 'passMark', key: 'scale.problem.passMarkOutOfRange', values: { value: p.value } };
      case 'passMarkMismatch':
        return { path: 'passMark', key: 'scale.problem.passMarkMismatch', values: { value: p.value, expected: p.expected } };
      case 'attemptLimitInvalid':
        return { path: 'attemptLimit', key: 'scale.problem.attemptLimitInvalid', values: { value: p.value } };
      case 'creditTestPassMarkOutOfRange':
        return { path: 'creditTestPassMark', key: 'scale.problem.creditTestPassMarkOutOfRange', values: { value: p.value } };
    }
  });
}

/**
 * Points from..to lie in two or more bands. Of two overlapping ranges one starts inside the
 * other: name that one ("band 3: from 60") and the band it runs into ("band 2 (55–64)").
 */
function overlap(scale: GradingScale, from: number, to: number): ScaleIssue {
  const covering = scale.bands
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => isInt(b.min) && isInt(b.max) && b.min <= from && from <= b.max);
  const inner = covering.reduce((a, c) => (c.b.min > a.b.min || (c.b.min === a.b.min && c.i > a.i) ? c : a), covering[0]!);
  const outer = covering.find((c) => c !== inner);
  // validateScale reports an overlap only where two valid bands cover the same points
  if (!outer) throw new Error(`points ${from}–${to} are not covered twice; the problem is not from this scale`);
  return {
    path: `bands.${inner.i}.min`,
    key: 'scale.problem.pointsOverlap',
    values: { band: inner.i + 1, from: Math.max(0, inner.b.min), other: outer.i + 1, otherMin: outer.b.min, otherMax: outer.b.max },
  };
}
