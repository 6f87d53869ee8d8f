import { describe, expect, it } from 'vitest';
import { registerUnsavedWork, unsavedWork } from './unsaved-work';

describe('unsaved work', () => {
  it('lists what registered screens say is unsaved, and forgets a screen once it is gone', () => {
    let grid: string | null = '1 row is not saved';
    const forgetGrid = registerUnsavedWork({ describe: () => grid });
    const forgetForm = registerUnsavedWork({ describe: () => null });
    expect(unsavedWork()).toEqual(['1 row is not saved']);
    grid = null;
    expect(unsavedWork()).toEqual([]);
    grid = 'again';
    forgetGrid();
    forgetForm();
    expect(unsavedWork()).toEqual([]);
  });
});
