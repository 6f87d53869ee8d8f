import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A project folder with a fake node_modules/electron, optionally with its downloaded binary. */
function project(opts: { pathTxt?: string; binary?: boolean }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-electron-'));
  made.push(root);
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  if (opts.pathTxt) fs.writeFileSync(path.join(pkg, 'path.txt'), opts.pathTxt);
  if (opts.binary) fs.writeFileSync(path.join(pkg, 'dist', opts.pathTxt ?? 'electron'), '');
  return root;
}

describe('finding the Electron runtime without triggering its download', () => {
  it('reports a missing binary when the package was installed offline', () => {
    expect(findElectronBinary(project({}))).toEqual({ missing: 'its runtime binary was not downloaded' });
    expect(findElectronBinary(project({ pathTxt: 'electron' }))).toEqual({ missing: 'its runtime binary was not downloaded' });
  });

  it('finds the binary once it is there', () => {
    const root = project({ pathTxt: 'electron', binary: true });
    expect(findElectronBinary(root)).toEqual({ path: path.join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('reports a missing package', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-noelectron-'));
    made.push(root);
    // resolution walks up to the repository's own node_modules, so look from the filesystem root's temp only
    const r = findElectronBinary(root);
    expect('missing' in r).toBe(true);
  });
});
