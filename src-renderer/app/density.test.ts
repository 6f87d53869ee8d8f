import { describe, expect, it } from 'vitest';
import { DENSITY_STORAGE, readDensity } from './density';

const store = (v: string | null) => ({ getItem: (k: string) => (k === DENSITY_STORAGE ? v : null) });

describe('row density', () => {
  it('starts compact on a screen under 820 px high, comfortable above', () => {
    expect(readDensity(store(null), 768)).toBe('compact');
    expect(readDensity(store(null), 900)).toBe('comfortable');
  });
  it('keeps what the user chose, whatever the screen; ignores a stored value it does not know', () => {
    expect(readDensity(store('comfortable'), 768)).toBe('comfortable');
    expect(readDensity(store('compact'), 1080)).toBe('compact');
    expect(readDensity(store('tiny'), 1080)).toBe('comfortable');
  });
  it('works without storage (a locked-down profile)', () => {
    const broken = { getItem: () => { throw new Error('SecurityError'); } };
    expect(readDensity(broken, 700)).toBe('compact');
    expect(readDensity(null, 900)).toBe('comfortable');
  });
});
