import path from 'node:path';
import { expect, it, vi } from 'vitest';

const startShell = vi.hoisted(() => vi.fn(async () => {}));
const createApp = vi.hoisted(() => vi.fn());
vi.mock('./shell', () => ({ startShell }));
vi.mock('../app/create-app', () => ({ createApp }));

it('the entry starts the shell with the bundled layout (dist/electron next to dist/renderer)', async () => {
  await import('./main');
  expect(startShell).toHaveBeenCalledOnce();
  const opts = (startShell.mock.calls[0] as unknown as [{ [k: string]: unknown }])[0];
  expect(opts.createApp).toBe(createApp);
  expect(opts.argv).toBe(process.argv);
  expect(opts.env).toBe(process.env);
  const preloadPath = opts.preloadPath as string;
  expect(path.basename(preloadPath)).toBe('preload.cjs');
  expect(opts.rendererDir).toBe(path.join(path.dirname(preloadPath), '..', 'renderer'));
});
