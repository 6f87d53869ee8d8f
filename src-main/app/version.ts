// Replaced at bundle time by esbuild's `define`; falls back for tests run from source.
declare const __UNIDESK_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __UNIDESK_VERSION__ === 'string' ? __UNIDESK_VERSION__ : '0.0.0-dev';
