/**
 * Runs sandboxed in the renderer before the page. Exposes exactly one object,
 * `window.unidesk`, with exactly one function. It forwards only the three envelope fields
 * over the one channel: never ipcRenderer itself, never the IPC event, never a channel name
 * chosen by the page (the pattern STYLE.md warns against).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CallEnvelope, CallResult, UniDeskBridge } from '../../src-shared/contract';
import { CALL_CHANNEL } from './ipc-channel';

const bridge = {
  call: (envelope: CallEnvelope): Promise<CallResult<unknown>> =>
    ipcRenderer.invoke(CALL_CHANNEL, {
      op: envelope?.op,
      payload: envelope?.payload,
      locale: envelope?.locale,
    }) as Promise<CallResult<unknown>>,
} satisfies UniDeskBridge;

contextBridge.exposeInMainWorld('unidesk', bridge);

/** What `window.unidesk` is; the renderer declares `window.unidesk?: UniDeskBridge`, which this satisfies. */
export type PreloadBridge = typeof bridge;
