/**
 * What a synced row must look like, one schema per table, read by both sides: the server
 * refuses a pushed row that breaks it (nothing stored, the reason names table, row and
 * column), and a device checks a pulled row with it before writing. Each replica CHECK,
 * NOT NULL and FOREIGN KEY has its twin here — row-schemas.test.ts proves it against the
 * replica's own tables, so the two cannot drift apart.
 *
 * Deliberately small (no zod): the server checks every row of every push, thousands a second.
 */

export type Row = Record<string, unknown>;

export interface ColumnSpec {
  readonly type: 'text' | 'integer';
  readonly nullable: boolean;
  /** the synced table this column points at (a foreign key the server checks is there) */
  readonly ref?: string;
  /** further conditions, each with the words for what is wrong */
  readonly checks: readonly { readonly ok: (v: never) => boolean; readonly says: string }[];
  /** a valid value, for tests and for building rows in them */
  readonly sample: string | number;
}

export interface RowRule {
  /** the column a refusal names */
  readonly column: string;
  readonly says: string;
  readonly ok: (r: Row) => boolean;
}

export interface RowSchema {
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  readonly rules: readonly RowRule[];
}

class Column implements ColumnSpec {
  constructor(
    readonly type: 'text' | 'integer',
    readonly sample: string | number,
    readonly checks: ColumnSpec['checks'] = [],
    readonly nullable = false,
    readonly ref?: string,
  ) {}
  /** null allowed */
  get orNull(): Column {
    return new Column(this.type, this.sample, this.checks, true, this.ref);
  }
}

const check = <T>(ok: (v: T) => boolean, says: string) => ({ ok: ok as (v: never) => boolean, says });

export const col = {
  text: (sample = 'x') => new Column('text', sample),
  /** not the empty string (a name, a reason) */
  nonEmpty: (sample = 'x') => new Column('text', sample, [check((v: string) => v.trim() !== '', 'must not be empty')]),
  oneOf: (values: readonly string[], sample = values[0]!) => new Column('text', sample, [check((v: string) => values.includes(v), `must be one of ${values.join(', ')}`)]),
  pattern: (re: RegExp, sample: string, what: string) => new Column('text', sample, [check((v: string) => re.test(v), `must be ${what}`)]),
  /** an ISO calendar date, YYYY-MM-DD */
  date: (sample = '2026-09-01') => new Column('text', sample, [check((v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be a date YYYY-MM-DD')]),
  /** an ISO timestamp */
  time: (sample = '2026-09-01T08:00:00.000Z') => new Column('text', sample, [check((v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v), 'must be an ISO date and time')]),
  int: (range: { min?: number; max?: number } = {}, sample?: number) => {
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
    const says = range.min !== undefined && range.max !== undefined ? `must be from ${min} to ${max}` : range.min !== undefined ? `must be at least ${min}` : `must be at most ${max}`;
    return new Column('integer', sample ?? Math.max(min, Math.min(max, 1)), range.min === undefined && range.max === undefined ? [] : [check((v: number) => v >= min && v <= max, says)]);
  },
  /** 0 or 1 */
  flag: () => new Column('integer', 0, [check((v: number) => v === 0 || v === 1, 'must be 0 or 1')]),
  /** the id of a row of a synced table */
  ref: (table: string) => new Column('text', `${table}-1`, [], false, table),
};

/** The bookkeeping every versioned row carries. */
export const versioned = { version: col.int({ min: 1 }), updated_at: col.time() };

export function rowSchema(columns: Record<string, Column>, rules: RowRule[] = []): RowSchema {
  return { columns: { id: col.nonEmpty('id-1'), ...columns }, rules };
}

/** A rule over several columns (a table-level CHECK); `column` is the one a refusal names. */
export const rule = (column: string, says: string, ok: (r: Row) => boolean): RowRule => ({ column, says, ok });

export interface RowProblem {
  column: string;
  says: string;
}

/**
 * The first thing wrong with a row, or null. Booleans are taken as 0/1: PostgreSQL's JSON
 * may hand back true/false for a flag a device stored as an integer.
 */
export function rowProblem(schema: RowSchema, row: Row): RowProblem | null {
  for (const [name, c] of Object.entries(schema.columns)) {
    let v = row[name];
    if (v === undefined || v === null) {
      if (!c.nullable) return { column: name, says: v === undefined ? 'is missing' : 'must not be empty (null)' };
      continue;
    }
    if (typeof v === 'boolean' && c.type === 'integer') v = v ? 1 : 0;
    if (c.type === 'text' && typeof v !== 'string') return { column: name, says: 'must be text' };
    if (c.type === 'integer' && !(typeof v === 'number' && Number.isSafeInteger(v))) return { column: name, says: 'must be a whole number' };
    if (c.ref !== undefined && v === '') return { column: name, says: `must name a ${c.ref} row` };
    for (const k of c.checks) if (!k.ok(v as never)) return { column: name, says: k.says };
  }
  for (const name of Object.keys(row)) {
    if (!(name in schema.columns)) return { column: name, says: 'is not a column of this table' };
  }
  for (const r of schema.rules) if (!r.ok(row)) return { column: r.column, says: r.says };
  return null;
}

/** A complete valid row (tests build theirs from it, so they keep up with the schema). */
export function sampleRow(schema: RowSchema, id: string, overrides: Row = {}): Row {
  const row: Row = { id };
  for (const [name, c] of Object.entries(schema.columns)) if (name !== 'id') row[name] = c.nullable ? null : c.sample;
  return { ...row, ...overrides };
}

/** The columns of a schema that point at synced rows, with the table each points at. */
export function refsOf(schema: RowSchema): { column: string; table: string }[] {
  return Object.entries(schema.columns).flatMap(([column, c]) => (c.ref ? [{ column, table: c.ref }] : []));
}
