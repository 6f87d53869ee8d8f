/**
 * 300 staff with positions (DOMAIN.md §2, the staff part of 3-НК in §5.7): the rector's
 * office, deans, heads of chair, teachers by position, and administrative staff. Degrees
 * and titles follow the position (a professor is a Doctor of Sciences, a docent a
 * Candidate or PhD, an assistant has neither), rates are in hundredths (100 = 1.0).
 */
import type { AcademicTitle, Degree, EmploymentType, PositionCategory } from '../../../src-shared/domain/enums';
import type { Sex } from '../../../src-shared/domain/person';
import { addDays, AS_OF, CURRENT_YEAR, fromDays, GENERATED_AT, toDays } from './demo-calendar';
import { birthDateForAge, makeName, type Origin, type PinIssuer } from './demo-people';
import { ADMIN_STAFF_PLAN, TEACHER_PLAN } from './demo-structure.data';
import type { DemoContext, FacultyRow, Structure } from './demo-structure';
import { Rng } from './demo.random';

interface Slot {
  readonly positionKey: string;
  readonly category: PositionCategory;
  readonly faculty: FacultyRow | null;
  readonly chairId: string | null;
}

interface Qualification {
  readonly degree: Degree | null;
  readonly title: AcademicTitle | null;
}

const AGE: Record<PositionCategory, readonly [number, number]> = {
  rector: [56, 66],
  administrative: [23, 60],
  dean: [44, 65],
  head_of_chair: [42, 70],
  professor: [50, 76],
  docent: [34, 66],
  senior_lecturer: [29, 60],
  lecturer: [24, 55],
  assistant: [22, 32],
};

const MALE_SHARE: Record<PositionCategory, number> = {
  rector: 1,
  administrative: 0.3,
  dean: 0.7,
  head_of_chair: 0.55,
  professor: 0.55,
  docent: 0.4,
  senior_lecturer: 0.35,
  lecturer: 0.35,
  assistant: 0.35,
};

function qualification(rng: Rng, category: PositionCategory, positionKey: string): Qualification {
  const doctor = (professorShare: number): Qualification => ({
    degree: 'doctor',
    title: rng.chance(professorShare) ? 'professor' : 'docent',
  });
  const candidate = (docentShare: number, degree: Degree = 'candidate'): Qualification => ({
    degree,
    title: rng.chance(docentShare) ? 'docent' : null,
  });
  switch (category) {
    case 'rector':
      return { degree: 'doctor', title: 'professor' };
    case 'dean':
      return rng.weighted<() => Qualification>([[() => doctor(0.9), 40], [() => candidate(0.85), 55], [() => candidate(0.5, 'phd'), 5]])();
    case 'head_of_chair':
      return rng.weighted<() => Qualification>([[() => doctor(0.8), 30], [() => candidate(0.8), 60], [() => candidate(0.5, 'phd'), 10]])();
    case 'professor':
      return rng.chance(0.88) ? doctor(0.85) : { degree: 'candidate', title: 'professor' };
    case 'docent':
      return rng.weighted<() => Qualification>([
        [() => candidate(0.65), 75],
        [() => candidate(0.6, 'phd'), 20],
        [() => doctor(0.2), 2],
        [() => ({ degree: null, title: null }), 3],
      ])();
    case 'senior_lecturer':
      return rng.weighted<() => Qualification>([
        [() => candidate(0.05), 25],
        [() => candidate(0, 'phd'), 8],
        [() => ({ degree: null, title: null }), 67],
      ])();
    case 'lecturer':
      return rng.weighted<() => Qualification>([
        [() => candidate(0), 8],
        [() => candidate(0, 'phd'), 4],
        [() => ({ degree: null, title: null }), 88],
      ])();
    case 'assistant':
      return { degree: null, title: null };
    case 'administrative':
      if (positionKey.startsWith('vice_rector')) return rng.chance(0.5) ? doctor(0.8) : candidate(0.9);
      return rng.chance(0.05) ? candidate(0) : { degree: null, title: null };
  }
}

/** The 300 places: leadership, then teachers spread over the chairs, then administration. */
function staffSlots(rng: Rng, structure: Structure): Slot[] {
  const slots: Slot[] = [{ positionKey: 'rector', category: 'rector', faculty: null, chairId: null }];
  for (const key of ['vice_rector_academic', 'vice_rector_research', 'vice_rector_finance']) {
    slots.push({ positionKey: key, category: 'administrative', faculty: null, chairId: null });
  }
  for (const f of structure.faculties) slots.push({ positionKey: 'dean', category: 'dean', faculty: f, chairId: null });
  const chairs = structure.faculties.flatMap((f) => f.chairIds.map((chairId) => ({ faculty: f, chairId })));
  for (const c of chairs) slots.push({ positionKey: 'head_of_chair', category: 'head_of_chair', ...c });
  for (const [category, count] of TEACHER_PLAN) {
    const order = rng.shuffled(chairs);
    for (let i = 0; i < count; i++) slots.push({ positionKey: category, category, ...order[i % order.length]! });
  }
  for (const [positionKey, count, perFaculty] of ADMIN_STAFF_PLAN) {
    for (let i = 0; i < count; i++) {
      const faculty = perFaculty ? structure.faculties[i % structure.faculties.length]! : null;
      slots.push({ positionKey, category: 'administrative', faculty, chairId: null });
    }
  }
  return slots;
}

function randomDate(rng: Rng, from: string, to: string): string {
  return fromDays(rng.int(toDays(from), toDays(to)));
}

export function insertStaff(ctx: DemoContext, structure: Structure, pins: PinIssuer): { staff: number; positions: number } {
  const rng = new Rng(ctx.seed, 'staff');
  const positionId = (key: string) => {
    const id = structure.positionIds.get(key);
    if (!id) throw new Error(`demo data: unknown position ${key}`);
    return id;
  };
  const slots = staffSlots(rng, structure);
  let positions = 0;
  for (const slot of slots) {
    const { category } = slot;
    const teaching = slot.chairId !== null;
    const viceRector = slot.positionKey.startsWith('vice_rector');
    const sex: Sex = rng.chance(viceRector ? 0.6 : MALE_SHARE[category]) ? 'M' : 'F';
    const origin = rng.weighted<Origin>([['kg', 84], ['ru', 13], ['kz', 2], ['uz', 1]]);
    const citizenship = origin === 'kz' ? 'KZ' : origin === 'ru' && rng.chance(0.15) ? 'RU' : 'KG';
    const name = makeName(rng, origin, sex, { kyrgyzPatronymicShare: 0.35 });
    const [minAge, maxAge]: readonly [number, number] = viceRector ? [45, 65] : AGE[category];
    const age = rng.int(minAge, maxAge);
    const birthDate = birthDateForAge(rng, age, AS_OF);
    const pin = citizenship === 'KG' ? pins.issue(rng, sex, birthDate) : null;
    const q = qualification(rng, category, slot.positionKey);

    // service: from one year up to the whole working life since 22, hired mostly on 1 September
    const earliestHireYear = Math.max(Number(birthDate.slice(0, 4)) + 22, 1985);
    const hireYear = rng.int(Math.min(earliestHireYear, CURRENT_YEAR), CURRENT_YEAR);
    const hireDate =
      rng.chance(0.5) || hireYear === CURRENT_YEAR
        ? `${hireYear}-09-01`
        : randomDate(rng, `${hireYear}-01-10`, `${hireYear}-12-25`);
    const leaves = teaching && category !== 'head_of_chair' && hireYear < CURRENT_YEAR - 1 && rng.chance(0.04);
    const leaveDate = leaves ? (rng.chance(0.6) ? `${CURRENT_YEAR}-06-30` : randomDate(rng, `${CURRENT_YEAR - 1}-10-01`, `${CURRENT_YEAR}-08-31`)) : null;
    const trains = rng.chance(teaching || category === 'dean' || category === 'rector' ? 0.75 : 0.3);
    const lastTraining = trains ? randomDate(rng, `${CURRENT_YEAR - 5}-09-01`, leaveDate ?? addDays(AS_OF, -20)) : null;

    const staffId = ctx.ids.next();
    ctx.store.staff(
      staffId,
      name.lastName,
      name.firstName,
      name.patronymic,
      sex,
      birthDate,
      pin,
      citizenship,
      q.degree,
      q.title,
      hireDate,
      leaveDate,
      lastTraining && lastTraining > hireDate ? lastTraining : null,
      GENERATED_AT,
    );

    // the main position; leadership posts start later than the hire
    const leader = category === 'rector' || category === 'dean' || category === 'head_of_chair' || viceRector;
    let type: EmploymentType = 'main';
    let rate = 100;
    if (teaching && !leader) {
      type = rng.weighted<EmploymentType>([['main', 82], ['external_part_time', 11], ['hourly', 7]]);
      rate =
        type === 'main'
          ? rng.weighted([[100, 60], [150, 8], [125, 10], [75, 12], [50, 10]])
          : type === 'external_part_time'
            ? rng.weighted([[25, 40], [50, 45], [75, 15]])
            : 25;
    } else if (category === 'administrative' && !leader) {
      rate = rng.weighted([[100, 85], [75, 8], [50, 7]]);
    }
    const appointed = leader ? `${rng.int(Math.max(hireYear, CURRENT_YEAR - 9), CURRENT_YEAR - 1)}-09-01` : hireDate;
    const start = appointed > hireDate ? appointed : hireDate;
    ctx.store.staffPosition(ctx.ids.next(), staffId, positionId(slot.positionKey), slot.faculty?.id ?? null, slot.chairId, rate, type, start, leaveDate, GENERATED_AT);
    positions++;

    // leaders and some teachers also teach part-time at a chair (internal part-time, 0.25–0.5)
    const teachesToo =
      category === 'dean' ? 0.8 : category === 'rector' || viceRector ? 0.6 : teaching && !leader && type === 'main' ? 0.08 : 0;
    if (rng.chance(teachesToo)) {
      const faculty = slot.faculty ?? rng.pick(structure.faculties);
      const chairId = rng.pick(faculty.chairIds.filter((c) => c !== slot.chairId));
      const secondKey: PositionCategory =
        category === 'professor' || category === 'docent' || category === 'senior_lecturer' || category === 'lecturer' || category === 'assistant'
          ? category
          : q.degree === 'doctor'
            ? 'professor'
            : 'docent';
      const secondStart = start > `${CURRENT_YEAR - 3}-09-01` ? start : `${rng.int(CURRENT_YEAR - 3, CURRENT_YEAR)}-09-01`;
      ctx.store.staffPosition(
        ctx.ids.next(),
        staffId,
        positionId(secondKey),
        faculty.id,
        chairId,
        rng.chance(0.5) ? 25 : 50,
        'internal_part_time',
        secondStart,
        leaveDate,
        GENERATED_AT,
      );
      positions++;
    }
  }
  return { staff: slots.length, positions };
}
