import { describe, expect, it } from 'vitest';
import { formatGpa, transcriptGpa, type AttemptResult } from './gpa';

const r = (offering: string, semester: number, credits: number, gpaPoints: number, more: Partial<AttemptResult> = {}): AttemptResult => ({
  offering,
  semester,
  credits,
  controlForm: 'exam',
  attempt: 1,
  status: 'graded',
  gpaPoints,
  passed: gpaPoints > 0,
  ...more,
});

describe('GPA and credits of a transcript (worked by hand)', () => {
  it('weights each graded discipline by its credits, per semester and over all', () => {
    // semester 1: 5 × 4.00 + 3 × 3.00 = 29.00 over 8 → 3.625 → 3.63 (half up)
    // semester 2: 4 × 2.33 = 9.32 over 4 → 2.33; cumulative: 38.32 / 12 = 3.1933… → 3.19
    const g = transcriptGpa([r('micro', 1, 5, 400), r('kyrgyz', 1, 3, 300), r('macro', 2, 4, 233)]);
    expect(g.bySemester.get(1)).toEqual({ creditsEarned: 8, gpaCredits: 8, gpa: 363 });
    expect(g.bySemester.get(2)).toEqual({ creditsEarned: 4, gpaCredits: 4, gpa: 233 });
    expect(g.cumulative).toEqual({ creditsEarned: 12, gpaCredits: 12, gpa: 319 });
    expect(formatGpa(363)).toBe('3.63');
    expect(formatGpa(319, ',')).toBe('3,19');
  });

  it('counts a retaken discipline once, with its final attempt (FX 0.00 → retake B+ 3.33)', () => {
    const g = transcriptGpa([r('micro', 1, 5, 0, { passed: false }), r('micro', 1, 5, 333, { attempt: 2 }), r('kyrgyz', 1, 3, 400)]);
    // (5 × 3.33 + 3 × 4.00) / 8 = 28.65 / 8 = 3.58125 → 3.58
    expect(g.cumulative).toEqual({ creditsEarned: 8, gpaCredits: 8, gpa: 358 });
  });

  it('keeps a failed final attempt in the GPA at zero (absent on the retake too), without its credits earned', () => {
    const g = transcriptGpa([
      r('micro', 1, 5, 0, { passed: false }),
      r('micro', 1, 5, 0, { attempt: 2, status: 'absent', passed: false }),
      r('kyrgyz', 1, 3, 400),
    ]);
    // (5 × 0 + 3 × 4.00) / 8 = 1.50
    expect(g.cumulative).toEqual({ creditsEarned: 3, gpaCredits: 8, gpa: 150 });
  });

  it('leaves credit tests and disciplines of zero credits out of the GPA; a passed credit test still earns its credits', () => {
    const g = transcriptGpa([r('pe', 1, 2, 0, { controlForm: 'credit', passed: true }), r('seminar', 1, 0, 400), r('micro', 1, 5, 267)]);
    expect(g.cumulative).toEqual({ creditsEarned: 7, gpaCredits: 5, gpa: 267 });
    // only credit tests: credits but no GPA
    expect(transcriptGpa([r('pe', 1, 2, 0, { controlForm: 'credit', passed: true })]).cumulative).toEqual({ creditsEarned: 2, gpaCredits: 0, gpa: null });
    expect(formatGpa(null)).toBe('—');
  });
});
