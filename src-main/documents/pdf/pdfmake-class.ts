/**
 * A class from one of pdfmake's own modules, for the pdf-*.ts patches. They are CommonJS
 * modules marked __esModule: the class is their `default`, unwrapped or not by the loader
 * (vitest and esbuild differ).
 */
export function pdfmakeClass<T>(mod: unknown): T {
  const m = mod as { default?: T } & T;
  return m.default ?? m;
}

/** The prototype of such a class, whose methods a patch wraps. */
export function pdfmakePrototype<P>(mod: unknown): P {
  return pdfmakeClass<{ prototype: P }>(mod).prototype;
}

/** `install` run on the first call only: each patch is installed once per process, whoever renders first. */
export function once(install: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    install();
  };
}
