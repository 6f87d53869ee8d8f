import { compareNames } from '../../../src-shared/domain/person';

/**
 * Kyrgyz alphabetical order of all students (ң after н, ө after о, ү after у). SQLite cannot
 * use ICU collations through better-sqlite3, so the order is computed once with
 * Intl.Collator('ky') and kept as a rank per id until the students table changes.
 */
export class NameOrder {
  private rank = new Map<string, number>();
  private fingerprint: string | null = null;

  constructor(
    private readonly fingerprintOf: () => Promise<string>,
    private readonly loadNames: () => Promise<
      { id: string; last_name: string; first_name: string; patronymic: string | null }[]
    >,
  ) {}

  async sort(ids: string[]): Promise<string[]> {
    await this.refresh();
    const r = this.rank;
    return ids.sort((a, b) => (r.get(a) ?? Number.MAX_SAFE_INTEGER) - (r.get(b) ?? Number.MAX_SAFE_INTEGER));
  }

  private async refresh(): Promise<void> {
    const fp = await this.fingerprintOf();
    if (fp === this.fingerprint) return;
    const names = await this.loadNames();
    const parts = names.map((n) => ({ id: n.id, lastName: n.last_name, firstName: n.first_name, patronymic: n.patronymic }));
    parts.sort(compareNames);
    this.rank = new Map(parts.map((p, i) => [p.id, i]));
    this.fingerprint = fp;
  }
}
