/** Retake candidates by the sheet they failed on, in sheet-number order, students in list order. */
import type { GradeSheetSummary, RetakeCandidate } from '../../../src-shared/contract';
import type { Localized } from '../../../src-shared/contract/common';
import { compareNames } from '../../../src-shared/domain/person';

export interface RetakeGroup {
  sheetId: string;
  sheetNumber: string;
  groupName: string;
  discipline: Localized;
  candidates: RetakeCandidate[];
}

export function groupRetakes(candidates: readonly RetakeCandidate[], sheets: readonly GradeSheetSummary[]): RetakeGroup[] {
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const groups = new Map<string, RetakeGroup>();
  for (const c of candidates) {
    let g = groups.get(c.sheetId);
    if (!g) {
      const s = byId.get(c.sheetId);
      g = { sheetId: c.sheetId, sheetNumber: c.sheetNumber, groupName: s?.groupName ?? '', discipline: s?.discipline ?? { ky: '', ru: '', en: '' }, candidates: [] };
      groups.set(c.sheetId, g);
    }
    g.candidates.push(c);
  }
  for (const g of groups.values()) g.candidates.sort(compareNames);
  return [...groups.values()].sort((a, b) => a.sheetNumber.localeCompare(b.sheetNumber));
}
