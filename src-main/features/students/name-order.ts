import { compareNames } from '../../../src-shared/domain/person';

type Names = { id: string; last_name: string; first_name: string; patronymic: string | null };

/**
 * Kyrgyz alphabetical order (ң after н, ө after о, ү after у). SQLite cannot use ICU
 * collations through better-sqlite3, so every student is ordered once with
 * Intl.Collator('ky') and the order is kept until the database changes; a search then
 * filters that order in one pass instead of sorting its matches.
 */
export class NameOrder {
  private ordered: string[] = [];
  private stamp: string | null = null;

  constructor(
    private readonly changeStamp: () => string,
    private readonly loadNames: () => Promise<Names[]>,
  ) {}

  /** The ids of `matching`, in name order. */
  async sort(matching: readonly string[]): Promise<string[]> {
    await this.refresh();
    const wanted = new Set(matching);
    if (wanted.size === this.ordered.length) return this.ordered.slice();
    return this.ordered.filter((id) => wanted.has(id));
  }

  private async refresh(): Promise<void> {
    const stamp = this.changeStamp();
    if (stamp === this.stamp) return;
    const parts = (await this.loadNames()).map((n) => ({
      id: n.id,
      lastName: n.last_name,
      firstName: n.first_name,
      patronymic: n.patronymic,
    }));
    parts.sort(compareNames);
    this.ordered = parts.map((p) => p.id);
    this.stamp = stamp;
  }
}

/** A few recent searches' ordered ids, so scrolling page by page does not search again. */
export class SearchCache {
  private entries = new Map<string, { stamp: string; ids: string[] }>();
  constructor(private readonly size = 16) {}

  get(key: string, stamp: string): string[] | undefined {
    const e = this.entries.get(key);
    if (!e || e.stamp !== stamp) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.ids;
  }

  set(key: string, stamp: string, ids: string[]): void {
    this.entries.delete(key);
    this.entries.set(key, { stamp, ids });
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}
