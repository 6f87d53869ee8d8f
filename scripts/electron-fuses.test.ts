/** The packaged app's Electron fuses (issue 11, item 9): what turns it into a plain Node is off. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const yml = fs.readFileSync(path.join(__dirname, '..', 'electron-builder.yml'), 'utf8');

/** The `electronFuses:` block's `key: value` lines (the file is plain YAML; no parser needed for one flat map). */
function fuses(): Record<string, string> {
  const block = /^electronFuses:\n((?: {2}\w+: \w+\n?)+)/m.exec(yml)?.[1] ?? '';
  return Object.fromEntries(block.trim().split('\n').map((l) => l.trim().split(/:\s*/) as [string, string]));
}

describe('electron-builder flips the fuses', () => {
  it('no running as Node, no NODE_OPTIONS or --inspect, asar integrity checked, cookies encrypted', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
    });
  });
});
