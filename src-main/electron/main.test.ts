import path from 'node:path';
import { expect, it, vi } from 'vitest';

const startShell = vi.hoisted(() => vi.fn(async () => {}));
const startBackend = vi.hoisted(() => vi.fn(async () => ({ dbFile: 'x', dispatch: vi.fn(), close: vi.fn() })));
vi.mock('./shell', () => ({ startShell, consoleLog: { info: vi.fn(), error: vi.fn() } }));
vi.mock('./backend-client', () => ({ startBackend }));
vi.mock('electron', () => import('./electron.fake'));

it('the entry starts the shell with the bundled layout, its services in a utility process (dist/electron/backend.cjs)', async () => {
  await import('./main');
  expect(startShell).toHaveBeenCalledOnce();
  const opts = (startShell.mock.calls[0] as unknown as [{ [k: string]: unknown }])[0];
  expect(opts.argv).toBe(process.argv);
  expect(opts.env).toBe(process.env);
  const preloadPath = opts.preloadPath as string;
  expect(path.basename(preloadPath)).toBe('preload.cjs');
  expect(opts.rendererDir).toBe(path.join(path.dirname(preloadPath), '..', 'renderer'));
  await (opts.createApp as (o: { dbFile: string }) => Promise<unknown>)({ dbFile: '/data/unidesk.sqlite' });
  const backend = (startBackend.mock.calls[0] as unknown as [{ entry: string; dbFile: string }])[0];
  expect(backend.entry).toBe(path.join(path.dirname(preloadPath), 'backend.cjs'));
  expect(backend.dbFile).toBe('/data/unidesk.sqlite');
});
