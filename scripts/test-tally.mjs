// How one vitest run counts towards `N passed, N failed` (kept apart from test.mjs to be tested).
/**
 * @param {{numPassedTests:number,numFailedTests:number,numTotalTests:number,testResults?:{status:string,assertionResults:unknown[]}[]}|null} report
 *   vitest's JSON report, or null when it wrote none
 * @param {number|null} exitStatus vitest's exit status
 * @returns {{passed:number, failed:number}}
 */
export function vitestTally(report, exitStatus) {
  let passed = 0;
  let failed = 0;
  let counted = false;
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A suite that failed to load has no tests to count: count the file itself as failed.
    const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    failed += brokenFiles;
    counted = report.numTotalTests > 0 || brokenFiles > 0;
  }
  // vitest can exit non-zero with every test passed (an error in a hook, an unhandled rejection):
  // that run failed, whatever earlier steps did.
  if (!counted || (exitStatus !== 0 && failed === 0)) failed += 1;
  return { passed, failed };
}
