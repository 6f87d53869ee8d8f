import { beforeAll, describe, expect, it } from 'vitest';
import { ORDER_TYPES } from '../../../src-shared/domain/orders';
import { translate } from '../../../src-shared/i18n';
import type { DocumentLanguage } from '../order-document.model';
import { MM, render } from '../pdf/pdf';
import { probePdf, type PdfProbe } from '../pdf/poppler.fixture';
import { orderContent } from './order-content';
import { orderPdfDefinition, renderOrderPdf } from './order.pdf';
import { LONG_NAME, sampleOrder } from './order-sample.fixture';

const LANGS: DocumentLanguage[] = ['ky', 'ru'];
const probes = new Map<DocumentLanguage, PdfProbe>();
const millis = new Map<DocumentLanguage, number>();

/** Whitespace folded: pdftotext -layout pads columns with runs of spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const firstLine = (page: string) => page.split('\n').find((l) => l.trim())?.trim();

beforeAll(async () => {
  for (const lang of LANGS) {
    const started = performance.now();
    const pdf = await renderOrderPdf(sampleOrder('promotion', 120), lang);
    millis.set(lang, performance.now() - started);
    probes.set(lang, probePdf(pdf, `order-${lang}`));
  }
}, 60_000);

describe.each(LANGS)('order PDF, 120 students (%s)', (lang) => {
  const p = () => probes.get(lang)!;

  it('is A4 portrait with title and creator in its metadata', () => {
    expect(p().info['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
    expect(p().info['Creator']).toBe('UniDesk');
    expect(p().info['Title']).toContain(translate(lang, 'doc.order.title'));
    expect(p().info['Title']).toContain('12-п');
  });

  it('embeds DejaVu and nothing else (every font embedded)', () => {
    const fonts = p().fonts;
    expect(fonts.some((f) => /DejaVuSerif$/.test(f.name))).toBe(true);
    expect(fonts.some((f) => /DejaVuSerif-Bold$/.test(f.name))).toBe(true);
    for (const f of fonts) {
      expect(f.name, `${f.name} is DejaVu`).toMatch(/\+DejaVu/);
      expect(f.embedded, `${f.name} embedded`).toBe(true);
    }
  });

  it('keeps Kyrgyz and Kazakh letters (ң ө ү ұ қ ғ ә і) as text', () => {
    const all = p().pages.join('\n');
    for (const word of ['Өмүралиева', 'Жеңишбеков', 'Үмөтбек', 'Асан уулу', 'Сейтқали', 'Нұрлан', 'Ержанұлы', 'Әбілқасымова', 'Ғалия', 'Сүйүнбек кызы']) {
      expect(all).toContain(word);
    }
  });

  it('opens with the university, the word БУЙРУК / ПРИКАЗ, date, number, place and subject', () => {
    const first = p().pages[0]!;
    expect(first).toMatch(new RegExp(`^\\s*${translate(lang, 'doc.order.title')}\\s*$`, 'm'));
    expect(first).toMatch(/28\.08\.2026\s+№ 12-п/);
    expect(first).toContain(translate(lang, 'doc.order.place'));
    expect(first).toContain(translate(lang, 'doc.order.subject.promotion'));
    expect(first).toContain(translate(lang, 'doc.order.operative'));
    // each language's paper prints its own basis (a Russian order printed the Kyrgyz one)
    const basis = lang === 'ru' ? 'Решение учёного совета, 28.08.2026, №1' : 'Окумуштуулар кеңешинин чечими, 28.08.2026, №1';
    expect(flat(first)).toContain(flat(translate(lang, 'doc.order.basis', { reason: basis })));
    expect(flat(first)).not.toContain(flat(lang === 'ru' ? 'Окумуштуулар кеңешинин' : 'Решение учёного'));
    expect(flat(first)).toContain(lang === 'ky' ? '2026-жылдын 1-сентябрынан баштап' : '01.09.2026');
  });

  it('has several pages, each with the table header and "page X of Y"', () => {
    const pages = p().pages;
    expect(pages.length).toBe(Number(p().info['Pages']));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const headerWords = ['doc.col.fullName', 'doc.col.recordBook', 'doc.col.group', 'doc.col.course'].flatMap((k) =>
      translate(lang, k as 'doc.col.group').split(/\s+/),
    );
    pages.forEach((text, i) => {
      for (const word of headerWords) expect(text, `page ${i + 1}: header word "${word}"`).toContain(word);
      expect(text, `page ${i + 1}`).toContain(translate(lang, 'doc.page', { page: i + 1, total: pages.length }));
    });
  });

  it('lists all 120 students, numbered, and the total', () => {
    const all = p().pages.join('\n');
    for (let n = 1; n <= 120; n++) expect(all).toMatch(new RegExp(`^\\s*${n}\\s+\\S`, 'm'));
    expect(all).toContain(translate(lang, 'doc.order.total', { count: 120 }));
  });

  it('wraps the long name inside its cell: every word printed, none past the record-book column', () => {
    const pageIndex = p().pages.findIndex((t) => t.includes('Абдыкадыров'));
    expect(pageIndex).toBeGreaterThanOrEqual(0);
    const words = p().words(pageIndex + 1);
    const start = words.find((w) => w.text.startsWith('Абдыкадыров'))!;
    const recordBook = words.find((w) => w.text === '24-01000')!;
    expect(recordBook, 'record-book number of the long name').toBeDefined();
    // the words of the name: in the row (below its first line, above the next row) and left of the record book
    const tokens = [LONG_NAME.lastName, LONG_NAME.firstName, LONG_NAME.patronymic].join(' ').split(/[\s-]+/);
    const rowWords = words.filter((w) => w.yMin >= start.yMin - 1 && w.yMin < start.yMin + 40 && w.xMin < recordBook.xMin);
    const printed = rowWords.map((w) => w.text).join(' ');
    for (const t of tokens) expect(printed, `"${t}" of the long name`).toContain(t);
    const nameWords = rowWords.filter((w) => tokens.some((t) => w.text.replace(/-$/, '').split('-').includes(t)));
    for (const w of nameWords) expect(w.xMax, `"${w.text}" stays in its cell`).toBeLessThan(recordBook.xMin - 3);
    // wrapped onto more than one line, and not split inside a word
    expect(new Set(nameWords.map((w) => Math.round(w.yMin))).size).toBeGreaterThan(1);
  });

  it('keeps every word inside the page margins (no column pushed off the page)', () => {
    const [left, right] = [25 * MM - 1, 595.28 - 15 * MM + 1];
    p().pages.forEach((_, i) => {
      const words = p().words(i + 1);
      expect(words.length).toBeGreaterThan(0);
      for (const w of words) {
        expect(w.xMin, `page ${i + 1} "${w.text}"`).toBeGreaterThanOrEqual(left);
        expect(w.xMax, `page ${i + 1} "${w.text}"`).toBeLessThanOrEqual(right);
      }
    });
  });

  it('never leaves the signatures on a page without students', () => {
    const last = p().pages.at(-1)!;
    expect(last).toContain('Ч. Т. Асанов');
    expect(last).toMatch(/^\s*120\s+\S/m);
    expect(last).toContain(translate(lang, 'doc.order.total', { count: 120 }));
  });

  it('renders 120 students in well under a few seconds', () => {
    // a soft bound for slow CI machines; the figure itself is printed for the record
    console.log(`order PDF, 120 students, ${lang}: ${millis.get(lang)!.toFixed(0)} ms`);
    expect(millis.get(lang)!).toBeLessThan(5000);
  });
});

describe('order PDF: drafts and every order type', () => {
  it('heads a draft БУЙРУКТУН ДОЛБООРУ / ПРОЕКТ ПРИКАЗА, blanks for number and date, marked on every page', async () => {
    for (const lang of LANGS) {
      const input = sampleOrder('expulsion', 60, { state: 'draft', number: null, orderDate: null });
      const p = probePdf(await renderOrderPdf(input, lang), `draft-${lang}`);
      const draft = translate(lang, 'doc.order.draft');
      const title = translate(lang, 'doc.order.draftTitle');
      expect(p.pages[0]).toContain(title);
      expect(p.pages[0]).toMatch(/_+\s.*№\s+_+/);
      expect(p.pages.join('\n')).not.toMatch(/№ \d/);
      // the first line of every page, not only the footer note
      p.pages.forEach((t, i) => expect(firstLine(t), `page ${i + 1}`).toBe(draft));
      expect(p.info['Title']).toContain(title);
    }
  });

  it.each(LANGS)('carries the last rows over when the signatures would start a page alone (%s)', async (lang) => {
    // 103 students put the closing block alone on the last page in a single layout
    const input = sampleOrder('promotion', 103);
    const single = probePdf(await render(orderPdfDefinition(input, lang)), `single-${lang}`);
    expect(single.pages.at(-1), 'precondition: the fixture still provokes a lone signature page').not.toMatch(/^\s*103\s+\S/m);
    const fixed = probePdf(await renderOrderPdf(input, lang), `carried-${lang}`);
    const last = fixed.pages.at(-1)!;
    for (const n of [101, 102, 103]) expect(last).toMatch(new RegExp(`^\\s*${n}\\s+\\S`, 'm'));
    expect(last).toContain(translate(lang, 'doc.col.group'));
    expect(last).toContain('Ч. Т. Асанов');
  });

  it('turns to A4 landscape only when the changing columns cannot fit portrait, still inside the margins', async () => {
    const input = sampleOrder('cancellation', 40);
    for (const it of input.items) {
      // a cancellation that undoes everything at once: every column changes
      it.after = { ...it.before, status: 'active', groupName: 'ЮР-10-23', specialtyCode: '530500', course: 3, form: 'evening', funding: 'budget', lastName: 'Жаңыбекова' };
    }
    const p = probePdf(await renderOrderPdf(input, 'ru'), 'wide');
    expect(p.info['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    const [left, right] = [25 * MM - 1, 841.89 - 15 * MM + 1];
    for (const w of p.words(1)) expect(w.xMax, w.text).toBeLessThanOrEqual(right);
    for (const w of p.words(1)) expect(w.xMin, w.text).toBeGreaterThanOrEqual(left);
    for (const w of ['отчислен(а)', 'обучается', 'ЮР-10-23', '530500', 'вечерняя', 'Жаңыбекова']) expect(p.pages[0]).toContain(w);
    // an ordinary cancellation (status only) stays portrait
    const plain = probePdf(await renderOrderPdf(sampleOrder('cancellation', 5), 'ru'), 'plain-cancel');
    expect(plain.info['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
  });

  it('marks a cancelled order on every page', async () => {
    const p = probePdf(await renderOrderPdf(sampleOrder('promotion', 60, { state: 'cancelled' }), 'ky'), 'cancelled');
    p.pages.forEach((t) => expect(firstLine(t)).toBe('ЖОККО ЧЫГАРЫЛГАН'));
  });

  it.each(LANGS)('prints the subject and the operative sentence of every type (%s)', async (lang) => {
    for (const type of ORDER_TYPES) {
      const input = sampleOrder(type, 5);
      const probe = probePdf(await renderOrderPdf(input, lang), `${type}-${lang}`);
      const text = flat(probe.pages.join('\n'));
      // every header word whole: a column too narrow would cut "китепченин" into "китепчени" + "н"
      const words = new Set(probe.words(1).map((w) => w.text));
      for (const col of orderContent(input, lang).columns) {
        for (const word of col.header.split(/\s+/)) expect(words, `${type}: header word "${word}"`).toContain(word);
      }
      const subject =
        type === 'cancellation'
          ? translate(lang, 'doc.order.subject.cancellation', { number: '7-ч', date: lang === 'ky' ? '2026-жылдын 15-мартындагы' : '15.03.2026' }).replace(/\u00a0/g, ' ')
          : translate(lang, `doc.order.subject.${type}`);
      expect(text, type).toContain(subject);
      expect(text, type).toContain(translate(lang, 'doc.order.total', { count: 5 }));
      if (type === 'expulsion') expect(text).toContain(translate(lang, 'doc.expulsionReason.own_wish'));
      if (type === 'graduation') expect(text).toContain(translate(lang, 'doc.order.honours').split(' ')[0]!);
      if (type === 'academic_leave') expect(text).toContain('31.08.2027');
      if (type === 'name_change') expect(text).toContain('Жаңыбекова');
      if (type === 'cancellation') expect(text).toContain(lang === 'ky' ? '15-мартындагы' : '15.03.2026');
    }
  }, 60_000);
});

describe('visas and the executor', () => {
  it('prints who agreed the order and who prepared it under the signatures, in each language', async () => {
    const input = sampleOrder('expulsion', 3, {
      visas: [{ position: { ky: 'Факультеттин деканы', ru: 'Декан факультета', en: 'Dean' }, name: 'Ж. Т. Бакиева' }],
      executor: 'Асанова Гүлнара Бакытовна',
    });
    const ru = flat(probePdf(await renderOrderPdf(input, 'ru'), 'order-visas-ru').pages.join('\n'));
    expect(ru).toMatch(/СОГЛАСОВАНО: Декан факультета Ж\. Т\. Бакиева/);
    expect(ru).toContain('Исполнитель: Асанова Гүлнара Бакытовна');
    const ky = flat(probePdf(await renderOrderPdf(input, 'ky'), 'order-visas-ky').pages.join('\n'));
    expect(ky).toContain('МАКУЛДАШЫЛДЫ:');
    expect(ky).toContain('Аткаруучу: Асанова Гүлнара Бакытовна');
    // none given: no empty heading
    const bare = flat(probePdf(await renderOrderPdf(sampleOrder('expulsion', 3), 'ru'), 'order-no-visas').pages.join('\n'));
    expect(bare).not.toContain('СОГЛАСОВАНО');
  });
});
