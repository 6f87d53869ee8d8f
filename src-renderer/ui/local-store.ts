/**
 * localStorage as the place where typed work waits until the server has it. It can be off
 * (a policy, a private window) or full; callers then keep the work in memory only.
 */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
