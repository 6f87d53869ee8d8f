/**
 * The single IPC channel between preload and main. One channel, one payload shape
 * (CallEnvelope): the preload never forwards arbitrary channel names. Kept import-free so
 * the sandboxed preload bundle stays tiny.
 */
export const CALL_CHANNEL = 'unidesk:call';
