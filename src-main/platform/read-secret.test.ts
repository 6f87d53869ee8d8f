import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { firstLine } from './read-secret';

describe('reading a password from a pipe', () => {
  it('takes the first line, without its line ending', async () => {
    expect(await firstLine(Readable.from(['s3cret-pass', 'word\r\n', 'next line\n']))).toBe('s3cret-password');
    expect(await firstLine(Readable.from(['no newline at all']))).toBe('no newline at all');
    expect(await firstLine(Readable.from([]))).toBe('');
  });
});
