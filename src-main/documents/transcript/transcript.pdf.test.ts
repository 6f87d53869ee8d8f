/**
 * The transcript's page rule, on made-up histories of every length around a page's end: the
 * totals and signatures never start a page with no discipline on it (a signature page alone
 * could be stapled to anyone's grades), and no discipline is lost or printed twice.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src-shared/i18n';
import { probePdf } from '../pdf/poppler.fixture';
import { renderTranscriptPdf } from './transcript.pdf';
import { sampleTranscript } from './transcript-sample.fixture';

/** The row numbers of the disciplines printed on a page. */
const rowsOn = (page: string) => [...page.matchAll(/^\s*(\d+)\s+Дисциплина\s+\d+/gmu)].map((m) => Number(m[1]));

describe('transcript PDF: the closing block and the rows', () => {
  it('keeps the last disciplines with the totals and signatures, whatever the length; every row once', async () => {
    const cumulative = translate('ru', 'doc.transcript.cumulative', { credits: 0, gpa: '' }).split(':')[0]!;
    let carried = 0;
    // from a table ending mid-page to one whose closing block no longer fits under it
    for (let n = 24; n <= 44; n += 2) {
      const p = probePdf(await renderTranscriptPdf(sampleTranscript(n), 'ru'), `transcript-${n}`);
      const last = p.pages.at(-1)!;
      const all = p.pages.flatMap(rowsOn);
      expect(all, `${n} disciplines`).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(last, `${n} disciplines`).toContain(cumulative);
      expect(last, `${n} disciplines`).toContain('Ч. Ө. Үсөнов');
      expect(rowsOn(last).length, `${n} disciplines: rows on the signatures' page`).toBeGreaterThan(0);
      if (p.pages.length > 1 && rowsOn(last).length === 3 && rowsOn(p.pages.at(-2)!).length > 0) carried++;
    }
    // the range crosses the point where the closing block alone would have started a page
    expect(carried).toBeGreaterThan(0);
  });
});
