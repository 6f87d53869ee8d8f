/**
 * GPA and credits of a transcript (DOMAIN.md §3, issue 13): GPA = Σ(credits × GPA points) /
 * Σ credits over graded disciplines, per semester and cumulative; a retaken discipline counts
 * with its final attempt (the transcript keeps the history). Which forms enter the GPA is data
 * beside the grading scale (credit tests record passed / not passed and stay out by default).
 * GPA points are hundredths (400 = 4.00), so sums are integers; the average rounds half up.
 */
export interface GpaRules {
  /** control forms whose results never enter the GPA (their credits still count when passed) */
  readonly excludedForms: readonly string[];
}

export const DEFAULT_GPA_RULES: GpaRules = { excludedForms: ['credit'] };

/** One attempt at one discipline offering, as its closed sheet recorded it. */
export interface AttemptResult {
  /** the offering: the same discipline of the curriculum in the same semester */
  offering: string;
  semester: number;
  credits: number;
  controlForm: string;
  attempt: number;
  /** 'graded' has its band's GPA points and outcome; absent and not admitted count as failed */
  status: 'graded' | 'absent' | 'not_admitted';
  gpaPoints: number;
  passed: boolean;
}

export interface GpaFigures {
  /** credits of disciplines passed (credit tests included) */
  creditsEarned: number;
  /** credits the GPA is over: graded disciplines of forms that enter it, passed or not */
  gpaCredits: number;
  /** hundredths; null when no graded discipline carries credits */
  gpa: number | null;
}

export interface TranscriptGpa {
  bySemester: Map<number, GpaFigures>;
  cumulative: GpaFigures;
}

/** The attempt that counts for each offering: the last one. */
export function finalAttempts(results: readonly AttemptResult[]): AttemptResult[] {
  const last = new Map<string, AttemptResult>();
  for (const r of results) {
    const seen = last.get(r.offering);
    if (!seen || r.attempt > seen.attempt) last.set(r.offering, r);
  }
  return [...last.values()];
}

function figures(finals: readonly AttemptResult[], rules: GpaRules): GpaFigures {
  let creditsEarned = 0;
  let gpaCredits = 0;
  let weighted = 0;
  for (const r of finals) {
    if (r.passed) creditsEarned += r.credits;
    if (rules.excludedForms.includes(r.controlForm) || r.credits <= 0) continue;
    gpaCredits += r.credits;
    // absent or not admitted on the final attempt: failed, with no GPA points
    weighted += r.credits * (r.status === 'graded' ? r.gpaPoints : 0);
  }
  return { creditsEarned, gpaCredits, gpa: gpaCredits > 0 ? Math.floor((2 * weighted + gpaCredits) / (2 * gpaCredits)) : null };
}

export function transcriptGpa(results: readonly AttemptResult[], rules: GpaRules = DEFAULT_GPA_RULES): TranscriptGpa {
  const finals = finalAttempts(results);
  const semesters = [...new Set(finals.map((r) => r.semester))].sort((a, b) => a - b);
  return {
    bySemester: new Map(semesters.map((s) => [s, figures(finals.filter((r) => r.semester === s), rules)])),
    cumulative: figures(finals, rules),
  };
}

/** "3.67" / "3,67": hundredths as a GPA is printed. */
export function formatGpa(hundredths: number | null, decimal: '.' | ',' = '.'): string {
  if (hundredths === null) return '—';
  return `${Math.floor(hundredths / 100)}${decimal}${String(hundredths % 100).padStart(2, '0')}`;
}
