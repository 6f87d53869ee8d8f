import { describe, expect, it } from 'vitest';
import { base64ToBlob, base64ToBytes, safeFileName } from './file-download';

describe('files from main', () => {
  it('decodes base64 into the exact bytes', () => {
    const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80, 0x0a]);
    const b64 = btoa(String.fromCharCode(...bytes));
    expect([...base64ToBytes(b64)]).toEqual([...bytes]);
    // line breaks (as some encoders wrap) do not matter
    expect([...base64ToBytes(`${b64.slice(0, 4)}\n${b64.slice(4)}`)]).toEqual([...bytes]);
  });

  it('makes a Blob of the given type and size', async () => {
    const text = 'Буйрук ң ө ү';
    const utf8 = new TextEncoder().encode(text);
    const b64 = btoa(String.fromCharCode(...utf8));
    const blob = base64ToBlob(b64, 'application/pdf');
    expect(blob.type).toBe('application/pdf');
    expect(blob.size).toBe(utf8.length);
    expect(await blob.text()).toBe(text);
  });

  it('keeps a file name safe on every system, Kyrgyz letters included', () => {
    expect(safeFileName('order-12-п-2026-11-22-ky.pdf')).toBe('order-12-п-2026-11-22-ky.pdf');
    expect(safeFileName('a/b\\c:d*?.xlsx')).toBe('a_b_c_d_.xlsx');
    expect(safeFileName('  ')).toBe('document');
  });
});
