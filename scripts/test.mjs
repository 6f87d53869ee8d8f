// `npm test`: every suite, one closing line `N passed, N failed` for CI.
// Steps: build (the e2e suite drives the built app), typecheck, lint, unit tests, e2e tests.
// Typecheck, lint and build count as one test each; vitest suites count their own tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vitestTally } from './test-tally.mjs';

const tally = { passed: 0, failed: 0 };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  tally[ok ? 'passed' : 'failed'] += 1;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function vitest(name, extraArgs) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-test-')), 'report.json');
  console.log(`\n=== ${name}`);
  const r = spawnSync(npx, ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env: process.env,
  });
  const counts = vitestTally(fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null, r.status);
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
}

const only = process.argv[2];
if (!only || only === 'static') {
  step('build', npm, ['run', '--silent', 'build']);
  step('typecheck', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  step('lint', npx, ['eslint', '.', '--max-warnings=0']);
}
if (!only || only === 'unit') vitest('unit tests', []);
if (!only || only === 'e2e') vitest('end-to-end tests (Playwright + Chromium)', ['--config', 'e2e/vitest.e2e.config.mts']);

console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
