/**
 * The one-student direction (issue 12, "Retake and individual sheets"): each student of a
 * retake sheet gets a page to take to the examiner, naming the sheet it retakes, in Kyrgyz
 * and Russian; a main sheet has none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { probePdf } from '../../documents/pdf/poppler.fixture';
import { AppError } from '../../host/app-error';
import { IDS, USERS } from '../../testing/fixture';
import { exportDirection } from './grade-sheet-document';
import { createRetakes } from './grade-sheet-retakes';
import type { GradeSheetsService } from './grade-sheets.service';
import { sheetsFixture } from './grade-sheets.test-kit';

let db: Database;
let sheets: GradeSheetsService;
let f: Awaited<ReturnType<typeof sheetsFixture>>;
beforeEach(async () => {
  f = await sheetsFixture();
  ({ db, sheets } = f);
});
afterEach(() => db.close());

const clerk = USERS.clerkEcon;
const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Микроэкономика closed with Асанова at FX and Жеңишбеков absent; both sent to a retake. */
function retakeSheet() {
  const main = f.prepared();
  sheets.setGrades(clerk, { id: main.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20, m2: 15, exam: 10 } }, { studentId: IDS.studentNurlan, parts: { m1: 20, m2: 20 }, mark: 'absent' }] }, 'ru');
  sheets.close(clerk, { id: main.id, version: f.examined(main.id).version }, 'ru');
  const retake = createRetakes(db, sheets).create(clerk, { parentSheetId: main.id, studentIds: [IDS.studentAigerim, IDS.studentNurlan], kind: 'retake' }, 'ru');
  return { main, retake };
}

describe('the direction of a retake', () => {
  it('gives each student a page naming them, the sheet it retakes, the result to fill in and who signs (ru, ky)', async () => {
    const { main, retake } = retakeSheet();
    const ru = probePdf(Buffer.from((await exportDirection(db, sheets, clerk, { id: retake.id, lang: 'ru' })).base64, 'base64'), 'direction-ru');
    expect(ru.pages.filter((p) => p.trim())).toHaveLength(2);
    const first = squash(ru.pages[0]!);
    expect(first).toContain(`НАПРАВЛЕНИЕ № ${retake.number}/1`);
    expect(first).toContain('на пересдачу (экзамен)');
    expect(first).toContain(`пересдача по ведомости № ${main.number}, попытка 2`);
    expect(first).toContain('Студент: Асанова Айгерим Бакыт кызы');
    expect(first).toContain('Дисциплина: Микроэкономика');
    expect(first).toContain('Баллы (из 100):');
    expect(first).toContain('Действительно до:');
    expect(first).toMatch(/Экзаменатор .*Декан/);
    expect(first).toContain(`результат вносится в ведомость № ${retake.number}`);
    expect(first).not.toContain('НЕ ЗАКРЫТА');
    expect(squash(ru.pages[1]!)).toContain('Студент: Жеңишбеков');

    const kyFile = Buffer.from((await exportDirection(db, sheets, clerk, { id: retake.id, lang: 'ky' })).base64, 'base64');
    if (process.env.KEEP_PDF) (await import('node:fs')).writeFileSync(process.env.KEEP_PDF, kyFile);
    const ky = probePdf(kyFile, 'direction-ky');
    const kyFirst = squash(ky.pages[0]!);
    expect(kyFirst).toContain(`ЖОЛДОМО № ${retake.number}/1`);
    expect(kyFirst).toContain('кайра тапшыруу үчүн (экзамен)');
    expect(kyFirst).toContain('Жарактуулук мөөнөтү:');
    expect(ky.fonts.every((x) => x.embedded)).toBe(true);
  });

  it('prints the result once it is entered', async () => {
    const { retake } = retakeSheet();
    sheets.setGrades(clerk, { id: retake.id, cells: [{ studentId: IDS.studentAigerim, parts: { m1: 20, m2: 15, exam: 35 } }] }, 'ru');
    const ru = probePdf(Buffer.from((await exportDirection(db, sheets, clerk, { id: retake.id, lang: 'ru' })).base64, 'base64'), 'direction-filled');
    expect(squash(ru.pages[0]!)).toMatch(/Баллы \(из 100\): 70/);
  });

  it('is refused for a main sheet, saying to make a retake first', async () => {
    const main = f.prepared();
    const e = await exportDirection(db, sheets, clerk, { id: main.id, lang: 'ru' }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).key).toBe('error.direction.mainSheet');
  });
});
