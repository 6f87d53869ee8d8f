import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentDefinition, render } from './pdf';
import { probePdf } from './poppler.fixture';

const doc = (lines: string[]) => documentDefinition(lines.map((text) => ({ text })), { lang: 'ky', title: 'Ведомость' });

/** The embedded font programs of a PDF (its FontFile2 streams), inflated. */
function fontPrograms(pdf: Buffer): Buffer[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map((m) => {
    const at = raw.indexOf(`\n${m[1]} 0 obj\n`);
    const start = raw.indexOf('stream\n', at) + 'stream\n'.length;
    const end = raw.indexOf('\nendstream', start);
    return zlib.inflateSync(pdf.subarray(start, end));
  });
}

describe('one font subset for the documents of a batch', () => {
  it('embeds the same font bytes in sheets with different names, and each prints its own names', async () => {
    const a = ['Өмүрбекова Ңурайым Үсөн кызы', 'Сидоров Пётр Ильич, 87 (B+)'];
    const b = ['Жээнбеков Төлөгөн Асан уулу', '«Экономика» № 12 — 1-модуль'];
    const [pa, pb] = [await render(doc(a)), await render(doc(b))];
    expect(probePdf(pa, 'subset-a').pages.join('\n')).toContain(a[0]);
    expect(probePdf(pb, 'subset-b').pages.join('\n')).toContain(b[1]);
    expect(probePdf(pb, 'subset-b').pages.join('\n')).not.toContain('Өмүрбекова');
    const [fa, fb] = [fontPrograms(pa), fontPrograms(pb)];
    expect(fa).toHaveLength(1);
    expect(fb[0]!.equals(fa[0]!)).toBe(true);
  });

  it('adds letters outside Kyrgyz and Russian to that document alone', async () => {
    const kazakh = ['Әлия Құрманғазықызы', 'Ұлан Іңкәр'];
    const plain = await render(doc(['Айгүл Асанова']));
    const other = await render(doc(kazakh));
    expect(probePdf(other, 'subset-kazakh').pages.join('\n')).toContain(kazakh.join('\n'));
    // its subset is its own: the letters it needs, after the shared ones
    expect(fontPrograms(other)[0]!.length).toBeGreaterThan(fontPrograms(plain)[0]!.length);
    expect(fontPrograms(await render(doc(['Бакыт Осмонов'])))[0]!.equals(fontPrograms(plain)[0]!)).toBe(true);
  });
});
