/**
 * Screens holding typed work the server does not have yet say so here, and the shell asks
 * before anything that would take them off screen (another section, back to a list, signing
 * out, closing the window). A registry outside React, because the shell that asks is above
 * the screens that know.
 */
export interface UnsavedWork {
  /** what is not saved, in the user's language; null when everything is saved */
  describe(): string | null;
}

const registry = new Set<UnsavedWork>();

/** Registers a screen's work; the returned function forgets it (on unmount). */
export function registerUnsavedWork(work: UnsavedWork): () => void {
  registry.add(work);
  return () => void registry.delete(work);
}

/** What would be left behind now, one line per screen; empty when nothing is unsaved. */
export function unsavedWork(): string[] {
  const out: string[] = [];
  for (const work of registry) {
    const line = work.describe();
    if (line) out.push(line);
  }
  return out;
}
