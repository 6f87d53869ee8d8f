import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './electron.fake';

vi.mock('electron', () => import('./electron.fake'));

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes exactly one object, window.unidesk, with only call()', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['unidesk']);
    const bridge = contextBridge.exposed.get('unidesk') as Record<string, unknown>;
    expect(Object.keys(bridge)).toEqual(['call']);
    expect(typeof bridge.call).toBe('function');
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('forwards exactly {op, payload, locale} on unidesk:call and returns the result', async () => {
    const bridge = contextBridge.exposed.get('unidesk') as { call(e: unknown): Promise<unknown> };
    ipcRenderer.invocations = [];
    const result = await bridge.call({ op: 'students.search', payload: { q: 'Асан' }, locale: 'ru', channel: 'evil', sender: {} });
    expect(result).toEqual({ ok: true, data: null });
    expect(ipcRenderer.invocations).toEqual([
      { channel: 'unidesk:call', args: [{ op: 'students.search', payload: { q: 'Асан' }, locale: 'ru' }] },
    ]);
  });
});
