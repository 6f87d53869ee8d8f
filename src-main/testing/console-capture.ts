/** What a CLI test's command printed: console.log and console.error captured per test (vitest). */
import { beforeEach, vi } from 'vitest';

export function captureConsole(): { out: string[]; err: string[] } {
  const printed = { out: [] as string[], err: [] as string[] };
  beforeEach(() => {
    printed.out.length = 0;
    printed.err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...a) => void printed.out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a) => void printed.err.push(a.join(' ')));
    return () => vi.restoreAllMocks();
  });
  return printed;
}
