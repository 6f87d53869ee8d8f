/**
 * Grade entry is accepted only inside the window the academic calendar sets for the
 * faculty's session, or inside an exception an admin opened for one sheet (DOMAIN.md §3).
 */
export interface EntryWindow {
  opensOn: string;
  closesOn: string;
}

export function entryOpen(today: string, session: EntryWindow, exceptions: readonly EntryWindow[]): boolean {
  const inside = (w: EntryWindow) => w.opensOn <= today && today <= w.closesOn;
  return inside(session) || exceptions.some(inside);
}
