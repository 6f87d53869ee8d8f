import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../src-shared/contract';
import { FakeWebContents, FakeWebFrame, ipcMain, resetFakeElectron } from './electron.fake';
import { FORBIDDEN_SENDER, registerIpc } from './ipc';
import { CALL_CHANNEL } from './ipc-channel';

const envelope = { op: 'session.current', payload: {}, locale: 'ky' };

function setup() {
  const dispatch = vi.fn(async (): Promise<CallResult<unknown>> => ({ ok: true, data: 'dispatched' }));
  const log = { error: vi.fn() };
  registerIpc(ipcMain as never, dispatch, log);
  const handler = ipcMain.handlers.get(CALL_CHANNEL);
  if (!handler) throw new Error('no handler registered');
  return { dispatch, log, call: (event: unknown, env: unknown = envelope) => handler(event, env) as Promise<unknown> };
}

beforeEach(() => resetFakeElectron());

describe('registerIpc', () => {
  it('registers exactly one channel, unidesk:call', () => {
    setup();
    expect([...ipcMain.handlers.keys()]).toEqual(['unidesk:call']);
  });

  it('dispatches calls from our own main frame with a per-web-contents session key', async () => {
    const { dispatch, call } = setup();
    const sender = new FakeWebContents();
    const result = await call({ sender, senderFrame: sender.mainFrame });
    expect(result).toEqual({ ok: true, data: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith(`ipc:${sender.id}`, envelope);
  });

  it('passes the envelope through untouched, for the dispatcher to validate', async () => {
    const { dispatch, call } = setup();
    const sender = new FakeWebContents();
    const odd = { op: 42, payload: ['x'], extra: true };
    await call({ sender, senderFrame: sender.mainFrame }, odd);
    expect(dispatch).toHaveBeenCalledWith(`ipc:${sender.id}`, odd);
  });

  it.each([
    ['a missing frame', (s: FakeWebContents) => ({ sender: s, senderFrame: null })],
    [
      'a foreign origin in the main frame',
      (s: FakeWebContents) => {
        s.mainFrame.url = 'https://evil.example/';
        return { sender: s, senderFrame: s.mainFrame };
      },
    ],
    [
      'a file:// page',
      (s: FakeWebContents) => {
        s.mainFrame.url = 'file:///tmp/index.html';
        return { sender: s, senderFrame: s.mainFrame };
      },
    ],
    [
      'a subframe on our own origin',
      (s: FakeWebContents) => ({ sender: s, senderFrame: new FakeWebFrame('app://unidesk/frame.html', s.mainFrame) }),
    ],
    ['a subframe on a foreign origin', (s: FakeWebContents) => ({ sender: s, senderFrame: new FakeWebFrame('https://evil.example/', s.mainFrame) })],
    [
      'a frame whose url throws (disposed)',
      (s: FakeWebContents) => {
        const frame = s.mainFrame;
        Object.defineProperty(frame, 'url', {
          get() {
            throw new Error('Render frame was disposed');
          },
        });
        return { sender: s, senderFrame: frame };
      },
    ],
  ])('refuses %s without calling dispatch', async (_name, makeEvent) => {
    const { dispatch, call } = setup();
    const result = await call(makeEvent(new FakeWebContents()));
    expect(result).toEqual(FORBIDDEN_SENDER);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'Request refused: unknown sender.' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('never sends an Error or stack across when dispatch throws', async () => {
    const { dispatch, log, call } = setup();
    dispatch.mockRejectedValueOnce(new Error('secret internals at /home/x'));
    const sender = new FakeWebContents();
    const result = await call({ sender, senderFrame: sender.mainFrame });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error.' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(log.error).toHaveBeenCalled();
  });

  it('shows a finished print in the file manager from main’s answer only, never from what the page sends', async () => {
    const reveal = vi.fn();
    const dispatch = vi.fn(async (): Promise<CallResult<unknown>> => ({ ok: true, data: { path: '/home/clerk/UniDesk/ECON.zip' } }));
    registerIpc(ipcMain as never, dispatch, undefined, reveal);
    const handler = ipcMain.handlers.get(CALL_CHANNEL)!;
    const sender = new FakeWebContents();
    const event = { sender, senderFrame: sender.mainFrame };
    await handler(event, { op: 'gradeSheets.batchFolder', payload: { jobId: 'j', path: '/etc' }, locale: 'ky' });
    expect(reveal).toHaveBeenCalledWith('/home/clerk/UniDesk/ECON.zip');
    // another operation, a refused one, or a foreign sender reveals nothing
    await handler(event, { op: 'gradeSheets.batchFile', payload: { jobId: 'j' }, locale: 'ky' });
    dispatch.mockResolvedValueOnce({ ok: false, error: { code: 'conflict', message: 'no file' } });
    await handler(event, { op: 'gradeSheets.batchFolder', payload: { jobId: 'j' }, locale: 'ky' });
    sender.mainFrame.url = 'https://evil.example/';
    await handler(event, { op: 'gradeSheets.batchFolder', payload: { jobId: 'j' }, locale: 'ky' });
    expect(reveal).toHaveBeenCalledTimes(1);
  });
});
