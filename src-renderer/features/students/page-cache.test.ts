import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache';

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));

describe('PageCache', () => {
  it('names the pages a visible range needs, once', () => {
    const c = new PageCache<{ id: string }>(200);
    expect(c.total).toBeNull();
    expect(c.missingPages(0, 30)).toEqual([0]);
    const g = c.begin(0);
    expect(c.missingPages(0, 30)).toEqual([]); // on its way
    expect(c.complete(g, 0, 40_000, rows(0, 200))).toBe(true);
    expect(c.total).toBe(40_000);
    expect(c.get(0)).toEqual({ id: '0' });
    expect(c.get(199)).toEqual({ id: '199' });
    expect(c.get(200)).toBeUndefined();
    expect(c.missingPages(180, 230)).toEqual([1]);
    expect(c.missingPages(39_990, 40_050)).toEqual([199]); // clamped to the total
    expect(c.offsetOf(199)).toBe(39_800);
  });

  it('drops answers from before a reset (a slow old search cannot paint the new one)', () => {
    const c = new PageCache<{ id: string }>(200);
    const old = c.begin(0);
    const gen = c.reset();
    expect(gen).toBe(old + 1);
    const fresh = c.begin(0);
    expect(c.complete(fresh, 0, 3, rows(0, 3))).toBe(true);
    expect(c.complete(old, 0, 40_000, rows(100, 200))).toBe(false);
    expect(c.total).toBe(3);
    expect(c.get(0)).toEqual({ id: '0' });
    expect(c.fail(old, 0)).toBe(false);
  });

  it('lets a failed page be asked for again', () => {
    const c = new PageCache<{ id: string }>(50);
    const g = c.begin(0);
    c.complete(g, 0, 500, rows(0, 50));
    const g2 = c.begin(3);
    expect(c.missingPages(150, 160)).toEqual([]);
    expect(c.fail(g2, 3)).toBe(true);
    expect(c.missingPages(150, 160)).toEqual([3]);
  });

  it('asks for nothing when the result is empty', () => {
    const c = new PageCache<{ id: string }>(200);
    c.complete(c.begin(0), 0, 0, []);
    expect(c.missingPages(0, 10)).toEqual([]);
  });

  it('replaces a saved row in place', () => {
    const c = new PageCache<{ id: string; book?: string }>(2);
    c.complete(c.begin(0), 0, 4, rows(0, 2));
    c.complete(c.begin(1), 1, 4, rows(2, 2));
    expect(c.replaceWhere((r) => r.id === '3', (r) => ({ ...r, book: 'Z-1' }))).toBe(1);
    expect(c.get(3)).toEqual({ id: '3', book: 'Z-1' });
    expect(c.get(2)).toEqual({ id: '2' });
  });

  it('refuses a nonsensical page size', () => {
    expect(() => new PageCache(0)).toThrow();
  });
});
