import { describe, expect, it } from 'vitest';
import { listenOnUsualPort, USUAL_PORT } from './run-browser-host';
import type { WebHost } from './web-host';

const hostOn = (port: number) => ({ port }) as unknown as WebHost;

describe('the browser host’s port', () => {
  it('is the usual one from start to start, so work a page keeps in the browser comes back after a restart', async () => {
    const asked: number[] = [];
    const r = await listenOnUsualPort(async (p) => (asked.push(p), hostOn(p)));
    expect(r).toEqual({ host: { port: USUAL_PORT }, moved: false });
    expect(asked).toEqual([USUAL_PORT]);
  });

  it('takes a free one, and says so, when another program holds the usual port; --port wins over both', async () => {
    const taken = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    const r = await listenOnUsualPort(async (p) => {
      if (p === USUAL_PORT) throw taken;
      return hostOn(53_000);
    });
    expect(r).toEqual({ host: { port: 53_000 }, moved: true });
    expect((await listenOnUsualPort(async (p) => hostOn(p), 0)).host.port).toBe(0);
    await expect(listenOnUsualPort(async () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })))).rejects.toThrow('EACCES');
  });
});
