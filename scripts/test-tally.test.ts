import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script with JSDoc types
import { vitestTally } from './test-tally.mjs';

const report = (passed: number, failed: number) => ({ numPassedTests: passed, numFailedTests: failed, numTotalTests: passed + failed, testResults: [] });

describe('npm test counts a vitest run', () => {
  it('counts the tests of a clean run', () => {
    expect(vitestTally(report(10, 0), 0)).toEqual({ passed: 10, failed: 0 });
  });
  it('counts a run that exits non-zero with every test passed as one failure', () => {
    expect(vitestTally(report(10, 0), 1)).toEqual({ passed: 10, failed: 1 });
  });
  it('counts failing tests, not one more for the exit', () => {
    expect(vitestTally(report(8, 2), 1)).toEqual({ passed: 8, failed: 2 });
  });
  it('counts a suite that could not load', () => {
    expect(vitestTally({ ...report(3, 0), testResults: [{ status: 'failed', assertionResults: [] }] }, 1)).toEqual({ passed: 3, failed: 1 });
  });
  it('counts a run with no report as failed', () => {
    expect(vitestTally(null, 1)).toEqual({ passed: 0, failed: 1 });
  });
});
