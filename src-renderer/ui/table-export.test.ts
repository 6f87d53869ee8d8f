import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tableCsv, textToBase64 } from './table-export';

const rows = [
  { name: 'Үсөнов Жеңиш Асан уулу', number: '26-00042', students: 23 },
  { name: 'Иванова; "Анна"', number: '26-00043', students: null as number | null },
];
const columns = [
  { header: '№', value: (r: (typeof rows)[number]) => r.number },
  { header: 'Аты-жөнү', value: (r: (typeof rows)[number]) => r.name },
  { header: 'Студенттер', value: (r: (typeof rows)[number]) => r.students },
];

describe('a list exported as CSV', () => {
  it('keeps the rows in the order shown, Kyrgyz letters, and cells with separators or quotes', () => {
    const csv = tableCsv(columns, rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    expect(parsed).toEqual([
      ['№', 'Аты-жөнү', 'Студенттер'],
      ['26-00042', 'Үсөнов Жеңиш Асан уулу', '23'],
      ['26-00043', 'Иванова; "Анна"', ''],
    ]);
  });

  it('encodes the file as UTF-8 for the download', () => {
    const text = tableCsv(columns, rows);
    const bytes = Uint8Array.from(atob(textToBase64(text)), (c) => c.charCodeAt(0));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(text);
  });
});
