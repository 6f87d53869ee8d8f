/**
 * `npm run soak -- --runs 1000 [--seed N] [--steps N] [--first N]` (--first replays from run N): the randomized sync soak (sync-soak.ts).
 * PostgreSQL when UNIDESK_SOAK_DATABASE_URL is set (a fresh schema, dropped afterwards), else
 * PGlite. Prints the figure for docs/benchmarks.md; exits 1 if anything was lost, duplicated,
 * stuck or diverged.
 */
import { parseArgs } from 'node:util';
import { runSoak } from './sync-soak';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, steps: { type: 'string' }, first: { type: 'string' } }, strict: true });
  const num = (v: string | undefined, d: number, name: string) => {
    const n = v === undefined ? d : Number(v);
    if (!Number.isInteger(n) || n < (name === 'first' ? 0 : 1)) throw new Error(`--${name} must be a whole number, not "${v}"`);
    return n;
  };
  const r = await runSoak({ runs: num(values.runs, 100, 'runs'), seed: num(values.seed, 20261203, 'seed'), steps: num(values.steps, 40, 'steps'), first: num(values.first, 0, 'first'), log: (l) => console.error(l) });
  const faults = Object.entries(r.faults).sort(([a], [b]) => a.localeCompare(b));
  console.log(`\n| Soak (${r.backend}) | value |\n|---|---|`);
  for (const [k, v] of [['runs', r.runs], ['steps', r.steps], ['changes typed', r.typed], ...faults, ['lost', r.lost], ['duplicated', r.duplicated], ['stuck devices', r.stuck], ['replicas unlike the server', r.diverged], ['seconds', r.seconds.toFixed(0)]] as [string, number | string][]) {
    console.log(`| ${k} | ${v} |`);
  }
  for (const p of r.problems) console.log(`problem: ${p}`);
  return r.lost + r.duplicated + r.stuck + r.diverged === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`soak: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(2);
  },
);
