/**
 * A list exactly as the user sees it filtered and sorted, as a CSV file Excel opens with the
 * Kyrgyz letters intact (UTF-8 with a byte-order mark; semicolons, as Excel in ky/ru locales
 * expects). Made in the renderer with papaparse: nothing leaves the screen but the file.
 */
import Papa from 'papaparse';

export interface ExportColumn<T> {
  header: string;
  value(row: T): string | number | null;
}

export function tableCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  const body = Papa.unparse(
    { fields: columns.map((c) => c.header), data: rows.map((r) => columns.map((c) => c.value(r) ?? '')) },
    { delimiter: ';', newline: '\r\n', quotes: false },
  );
  return `\uFEFF${body}`;
}

/** base64 of UTF-8 text, for downloadFile. */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
