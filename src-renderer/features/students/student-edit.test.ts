import { describe, expect, it } from 'vitest';
import type { StudentCard } from '../../../src-shared/contract';
import { checkDraft, draftFromCard, placeFieldProblems } from './student-edit';

const card: StudentCard = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  lastName: 'Асанова',
  firstName: 'Айгүл',
  patronymic: 'Бакыт кызы',
  recordBookNo: 'ЭК-23-015',
  pin: '11505200500123',
  groupId: 'G1',
  facultyId: 'F1',
  specialtyId: 'S1',
  course: 2,
  form: 'full_time',
  funding: 'budget',
  status: 'active',
  citizenship: 'KG',
  sex: 'F',
  birthDate: '2005-05-15',
  latinName: null,
  baseEducation: 'school',
  admissionYear: 2023,
  flags: { disability: false, orphan: false, targeted: false, dormitory: true, quotaForeigner: false },
  version: 3,
  history: [],
  pinWarnings: [],
};

describe('student edit', () => {
  it('starts from the card, the birth date as DD.MM.YYYY', () => {
    const d = draftFromCard(card);
    expect(d.birthDate).toBe('15.05.2005');
    expect(d.pin).toBe('11505200500123');
    expect(checkDraft(card, d)).toEqual({ changes: {}, problems: {} });
  });

  it('sends the passport spelling with its spaces tidied, and an emptied one as none', () => {
    const d = draftFromCard(card);
    expect(checkDraft(card, { ...d, latinName: '  ASANOVA   AIGUL ' }).changes).toEqual({ latinName: 'ASANOVA AIGUL' });
    const spelled = { ...card, latinName: 'ASANOVA AIGUL' };
    expect(checkDraft(spelled, { ...draftFromCard(spelled), latinName: '' }).changes).toEqual({ latinName: null });
  });

  it('sends only what changed', () => {
    const d = draftFromCard(card);
    const res = checkDraft(card, {
      ...d,
      recordBookNo: ' ЭК-23-016 ',
      pin: '1 1505 2005 00124',
      birthDate: '5.5.2005',
      flags: { ...d.flags, orphan: true },
    });
    expect(res.problems).toEqual({});
    expect(res.changes).toEqual({
      recordBookNo: 'ЭК-23-016',
      pin: '11505200500124',
      birthDate: '2005-05-05',
      flags: { orphan: true },
    });
  });

  it('an emptied ПИН means "no ПИН"', () => {
    expect(checkDraft(card, { ...draftFromCard(card), pin: '  ' }).changes).toEqual({ pin: null });
  });

  it('refuses an unreal date and an empty record-book number before any call', () => {
    const res = checkDraft(card, { ...draftFromCard(card), birthDate: '31.02.2005', recordBookNo: '' });
    expect(res.problems).toEqual({ birthDate: 'card.invalidDate', recordBookNo: 'card.required' });
    expect(res.changes).toEqual({});
  });

  it('puts the server field problems next to their fields', () => {
    const placed = placeFieldProblems([
      { path: 'changes.pin', message: 'PIN: 14 digits' },
      { path: 'changes.flags.orphan', message: 'yes or no' },
      { path: 'version', message: 'at least 1' },
      { path: 'changes', message: 'nothing to save' },
    ]);
    expect(placed.byField).toEqual({ pin: 'PIN: 14 digits', flags: 'yes or no' });
    expect(placed.general).toEqual(['at least 1', 'nothing to save']);
  });
});
