/**
 * Rows of a long result fetched a page at a time as they scroll into view (DOMAIN.md §9: up to
 * 40,000 students). Pages live in a Map keyed by page index. Every reset (new search or filter)
 * starts a new generation; an answer that arrives for an older generation is dropped, so a slow
 * response to an old search can never paint its rows into the new one.
 */
export class PageCache<T> {
  private pages = new Map<number, T[]>();
  private pending = new Set<number>();
  private gen = 0;
  private totalRows: number | null = null;

  constructor(readonly pageSize: number) {
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('pageSize must be a positive integer');
  }

  get generation(): number {
    return this.gen;
  }

  /** null until the first page of this generation arrived */
  get total(): number | null {
    return this.totalRows;
  }

  /** Forgets everything and returns the new generation. */
  reset(): number {
    this.pages.clear();
    this.pending.clear();
    this.totalRows = null;
    return ++this.gen;
  }

  pageOf(index: number): number {
    return Math.floor(index / this.pageSize);
  }

  offsetOf(page: number): number {
    return page * this.pageSize;
  }

  /** Pages covering rows first..last (inclusive) that are neither loaded nor on their way. */
  missingPages(first: number, last: number): number[] {
    const out: number[] = [];
    if (last < first) return out;
    let lastRow = last;
    if (this.totalRows !== null) {
      if (this.totalRows === 0) return out;
      lastRow = Math.min(last, this.totalRows - 1);
    }
    for (let p = this.pageOf(Math.max(0, first)); p <= this.pageOf(Math.max(0, lastRow)); p++) {
      if (!this.pages.has(p) && !this.pending.has(p)) out.push(p);
    }
    return out;
  }

  /** Marks a page as requested; returns the generation to hand back with the answer. */
  begin(page: number): number {
    this.pending.add(page);
    return this.gen;
  }

  /** Stores an answer; false (and nothing stored) when it belongs to an older generation. */
  complete(generation: number, page: number, total: number, rows: T[]): boolean {
    if (generation !== this.gen) return false;
    this.pending.delete(page);
    this.pages.set(page, rows);
    this.totalRows = total;
    return true;
  }

  /** A failed request: the page may be asked for again. False when the failure is stale. */
  fail(generation: number, page: number): boolean {
    if (generation !== this.gen) return false;
    this.pending.delete(page);
    return true;
  }

  get(index: number): T | undefined {
    return this.pages.get(this.pageOf(index))?.[index % this.pageSize];
  }

  isLoaded(page: number): boolean {
    return this.pages.has(page);
  }

  /** Replaces cached rows that match (e.g. after a student was saved); returns how many. */
  replaceWhere(match: (row: T) => boolean, replace: (row: T) => T): number {
    let n = 0;
    for (const [p, rows] of this.pages) {
      if (!rows.some(match)) continue;
      this.pages.set(
        p,
        rows.map((r) => {
          if (!match(r)) return r;
          n++;
          return replace(r);
        }),
      );
    }
    return n;
  }
}
