/**
 * docs/documents.md lists every printed term in Kyrgyz and Russian, for a registrar or a dean
 * to read and approve. The list is generated from the catalogs, so it cannot drift from what the
 * documents print: this test fails when they differ, and `UPDATE_DOCS=1 npx vitest run
 * src-main/documents/doc-terms.test.ts` rewrites the generated part.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docKy } from '../../src-shared/i18n/doc.ky';
import { docRu } from '../../src-shared/i18n/doc.ru';
import { deanOfficeKy } from '../../src-shared/i18n/dean-office.ky';
import { deanOfficeRu } from '../../src-shared/i18n/dean-office.ru';
import { deanOfficeEn } from '../../src-shared/i18n/dean-office.en';
import { docEn } from '../../src-shared/i18n/doc.en';
import { registrarEn } from '../../src-shared/i18n/registrar.en';
import { registrarKy } from '../../src-shared/i18n/registrar.ky';
import { registrarRu } from '../../src-shared/i18n/registrar.ru';

const FILE = path.join(__dirname, '..', '..', 'docs', 'documents.md');
const BEGIN = '<!-- terms: generated from src-shared/i18n/doc.*.ts, dean-office.*.ts and registrar.*.ts; do not edit by hand -->';
const END = '<!-- /terms -->';

/** Which document a key belongs to, by its prefix; the table for each, in the catalog's order. */
const SECTIONS: [prefix: string, title: string][] = [
  ['doc.order.', 'Orders (буйрук / приказ)'],
  ['doc.sheet.', 'Grade sheets (ведомость)'],
  ['doc.direction.', 'Direction to a retake or an individual exam (жолдомо / направление)'],
  ['doc.transcript.', 'Transcript (транскрипт; also in English)'],
  ['doc.certificate.', 'Certificate of study (окуу жеринен маалымкат / справка с места учёбы; also in English)'],
  ['doc.academic.', 'Academic certificate (академиялык маалымкат / академическая справка; the transcript’s terms and the certificate’s number, footer and check)'],
  ['doc.', 'Shared by every document (page numbers, forms, funding, statuses, columns)'],
];

const RU: Record<string, string> = { ...docRu, ...deanOfficeRu, ...registrarRu };
const KY: Record<string, string> = { ...docKy, ...deanOfficeKy, ...registrarKy };
const EN: Record<string, string> = { ...docEn, ...deanOfficeEn, ...registrarEn };

const cell = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function termsMarkdown(): string {
  const keys = Object.keys(RU);
  const taken = new Set<string>();
  const out: string[] = [BEGIN];
  for (const [prefix, title] of SECTIONS) {
    const mine = keys.filter((k) => k.startsWith(prefix) && !taken.has(k));
    mine.forEach((k) => taken.add(k));
    out.push('', `### ${title}`, '', '| key | Кыргызча | Русский | English |', '|---|---|---|---|');
    for (const k of mine) out.push(`| \`${k}\` | ${cell(KY[k]!)} | ${cell(RU[k]!)} | ${cell(EN[k]!)} |`);
  }
  out.push('', END);
  return out.join('\n');
}

describe('docs/documents.md', () => {
  it('lists every printed term exactly as the documents print it', () => {
    const text = readFileSync(FILE, 'utf8');
    const start = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    expect(start, 'docs/documents.md has the generated terms section').toBeGreaterThanOrEqual(0);
    const current = text.slice(start, end + END.length);
    const wanted = termsMarkdown();
    if (process.env.UPDATE_DOCS && current !== wanted) writeFileSync(FILE, text.slice(0, start) + wanted + text.slice(end + END.length));
    else expect(current, 'run UPDATE_DOCS=1 npx vitest run src-main/documents/doc-terms.test.ts').toBe(wanted);
  });
});
