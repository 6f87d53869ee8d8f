/** Money is integer тыйын (1 сом = 100 тыйын), DOMAIN.md §7. */
export type Tyiyn = number;

export function formatSom(tyiyn: Tyiyn): string {
  const sign = tyiyn < 0 ? '-' : '';
  const abs = Math.abs(tyiyn);
  const som = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${som},${String(abs % 100).padStart(2, '0')}`;
}

/** "12 345,50" or "12345.5" → 1234550; null when it is not an amount with at most 2 decimals. */
export function parseSom(text: string): Tyiyn | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -value : value;
}
