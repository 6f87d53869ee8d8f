/**
 * The randomized sync soak in CI (issue 11, item 12): a small fixed-seed run of bench/sync-soak.ts
 * — devices typing while devices and the server are killed, answers lost, requests doubled,
 * a workstation and the server restored from backups, workstations enrolled again. The full
 * figure is `npm run soak -- --runs 1000` (docs/benchmarks.md).
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../bench/sync-soak';

describe('sync under random faults', () => {
  it('loses nothing, applies nothing twice, leaves no device stuck, and every replica ends like the server', async () => {
    const r = await runSoak({ runs: 6, seed: 20261203, steps: 40 });
    expect(r.problems).toEqual([]);
    expect({ lost: r.lost, duplicated: r.duplicated, stuck: r.stuck, diverged: r.diverged }).toEqual({ lost: 0, duplicated: 0, stuck: 0, diverged: 0 });
    // the run did meet the faults it is about
    expect(r.typed).toBeGreaterThan(50);
    for (const f of ['server killed after commit (answer lost)', 'server restored from its backup', 'workstation enrolled again', 'device killed']) expect(r.faults[f] ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it('replays the runs where the 1,000-run soak found a replica unlike the server (a row kept for a change sent again)', async () => {
    for (const first of [208, 369]) {
      const r = await runSoak({ runs: 1, seed: 2026, steps: 40, first });
      expect({ run: first, problems: r.problems, diverged: r.diverged, lost: r.lost }).toEqual({ run: first, problems: [], diverged: 0, lost: 0 });
    }
  }, 120_000);
});
