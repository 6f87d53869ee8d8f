import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const root = path.resolve(__dirname, '..', '..');

/** Builds the demo university once (through the real CLI); each spec works on its own copy. */
export default function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'unidesk.cjs')) || !fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('e2e needs the built app: run `npm run build` first (npm test does).');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-e2e-'));
  const db = path.join(dir, 'demo.sqlite');
  execFileSync(process.execPath, [path.join(root, 'dist', 'cli', 'unidesk.cjs'), 'demo', '--db', db], { stdio: 'inherit' });
  project.provide('demoDb', db);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoDb: string;
  }
}
