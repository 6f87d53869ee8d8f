/**
 * `npm run bench`: speed figures written to docs/benchmarks.md (never asserted in unit tests).
 * Scenarios: demo generation at 40,000 students; student search over 40,000 through the same
 * dispatcher the UI calls (validation, role and scope included).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from '../src-main/app/handlers';
import { openDatabase } from '../src-main/db/connection';
import { createDispatcher, memorySessionStore } from '../src-main/host/dispatcher';
import { generateDemo } from '../src-main/features/demo/demo.generator';
import { allStatesOn } from '../src-main/features/orders/student-state.repository';
import { createOrdersService } from '../src-main/features/orders/orders.service';
import { bringOrdersIntoForce } from '../src-main/features/orders/order-in-force';
import { signOrder } from '../src-main/features/orders/order-signing';
import type { SessionUser } from '../src-shared/contract';
import type { Role } from '../src-shared/domain/roles';
import { percentile, time } from './bench-kit';
import { gradeSheetsBench } from './grade-sheets.bench';
import { registrarBench, transcriptsToPaperBench } from './registrar.bench';
import { syncBench } from './sync.bench';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 40000);
const ROUNDS = 30;

interface Row {
  scenario: string;
  figure: string;
  note: string;
}


/** Replaces the section `name` of docs/benchmarks.md with this run's table. */
function writeSection(name: string, rows: Row[]) {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const table = ['| scenario | figure | note |', '|---|---|---|', ...rows.map((r) => `| ${r.scenario} | ${r.figure} | ${r.note} |`)].join('\n');
  const out = path.resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');
  const section = `## ${name} — ${new Date().toISOString().slice(0, 10)}\n\nMachine: ${machine}\n\n${table}\n`;
  const header = '# Benchmarks\n\nWritten by `npm run bench`. Each run replaces its own section; figures are from the machine named.\n\n';
  let doc = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : header;
  doc = doc.replace(new RegExp(`## ${name} — [\\s\\S]*?(?=\\n## |$)`), '').trimEnd();
  fs.writeFileSync(out, `${doc.startsWith('# Benchmarks') ? doc : header + doc}\n\n${section}`);
  console.log(table);
  console.log(`\nwritten to ${out}`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unidesk-bench-'));
  // BENCH_ONLY=sync: only the sync figures (they need no demo university); BENCH_SYNC=0 skips them
  if (process.env.BENCH_SYNC !== '0') {
    writeSection('Sync', await syncBench(dir));
    if (process.env.BENCH_ONLY === 'sync') return fs.rmSync(dir, { recursive: true, force: true });
  }
  const file = path.join(dir, 'bench.sqlite');
  const rows: Row[] = [];

  const db = openDatabase(file);
  const [genMs, summary] = await time(() => generateDemo(db, { students: STUDENTS }));
  const mb = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  rows.push({
    scenario: `demo generation, ${summary.students.toLocaleString('en')} students`,
    figure: `${(genMs / 1000).toFixed(1)} s`,
    note: `${summary.historyRows.toLocaleString('en')} history rows, ${summary.groups} groups, ${summary.gradeSheets.toLocaleString('en')} closed sheets with ${summary.grades.toLocaleString('en')} grades; file ${mb} MB; target: under 60 s`,
  });

  const dispatch = createDispatcher(createHandlers(db, 'bench'), memorySessionStore(), { error: console.error });
  const signIn = async (key: string, username: string) => {
    const r = await dispatch(key, { op: 'session.signIn', payload: { username, password: `unidesk-${username}` }, locale: 'ky' });
    if (!r.ok) throw new Error(`bench sign-in as ${username} failed: ${r.error.message}`);
  };
  await signIn('studhr', 'studhr');
  await signIn('clerk', 'clerk');
  const sample = db.sqlite.prepare(`SELECT last_name, pin FROM student WHERE pin IS NOT NULL ORDER BY id LIMIT 1 OFFSET 1234`).get() as {
    last_name: string;
    pin: string;
  };

  const cases: [string, string, Record<string, unknown>][] = [
    ['first page, whole university (students’ HR)', 'studhr', { limit: 200 }],
    ['first page, one faculty (clerk)', 'clerk', { limit: 200 }],
    [`name fragment “${sample.last_name.slice(0, 4)}”`, 'studhr', { query: sample.last_name.slice(0, 4), limit: 200 }],
    ['full ПИН', 'studhr', { query: sample.pin, limit: 200 }],
    ['filter: contract, course 2', 'studhr', { funding: 'contract', course: 2, limit: 200 }],
    ['deep page (offset 30,000)', 'studhr', { offset: 30000, limit: 200 }],
  ];
  // The first call builds the Kyrgyz-collation order once; it is reported on its own.
  const [coldMs] = await time(() => dispatch('studhr', { op: 'students.search', payload: { limit: 200 }, locale: 'ky' }));
  rows.push({ scenario: 'student search, first call after start (builds the name order)', figure: `${coldMs.toFixed(0)} ms`, note: `${STUDENTS.toLocaleString('en')} students` });
  const measure = async (label: string, who: string, payloadFor: (i: number) => Record<string, unknown>) => {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const [ms, r] = await time(() => dispatch(who, { op: 'students.search', payload: payloadFor(i), locale: 'ky' }));
      if (!r.ok) throw new Error(`${label}: ${r.error.message}`);
      total = (r.data as { total: number }).total;
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    rows.push({
      scenario: label,
      figure: `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
      note: `${total.toLocaleString('en')} matches, ${ROUNDS} rounds`,
    });
  };
  for (const [label, who, payload] of cases) {
    // Trailing spaces fold away in search but make each round a new search (no result cache).
    await measure(`new search: ${label}`, who, (i) => ({ ...payload, query: `${String(payload.query ?? '')}${' '.repeat(i + 1)}` }));
    await measure(`next page of the same search: ${label}`, who, () => payload);
  }
  // As-of answers for every student at once (3-НК, certificates): target ≤ 300 ms at 40,000.
  const asOf: number[] = [];
  let states = 0;
  for (let i = 0; i < 5; i++) {
    const [ms, m] = await time(async () => allStatesOn(db, '2026-10-01'));
    asOf.push(ms);
    states = m.size;
  }
  asOf.sort((a, b) => a - b);
  rows.push({
    scenario: 'every student’s state on one date (allStatesOn)',
    figure: `p50 ${percentile(asOf, 50).toFixed(0)} ms, max ${asOf.at(-1)!.toFixed(0)} ms`,
    note: `${states.toLocaleString('en')} students, 5 rounds; target ≤ 300 ms`,
  });

  // Signing one promotion order for 3,000 students, as students' HR does each September.
  const hr = db.sqlite.prepare(`SELECT id, username, display_name, role, faculty_id FROM app_user WHERE username = 'studhr'`).get() as {
    id: string; username: string; display_name: string; role: Role; faculty_id: string | null;
  };
  const session: SessionUser = { id: hr.id, username: hr.username, displayName: hr.display_name, role: hr.role, facultyId: hr.faculty_id };
  const promotable = db.sqlite
    .prepare(`SELECT s.id FROM student s JOIN student_group g ON g.id = s.group_id JOIN specialty sp ON sp.id = g.specialty_id
              WHERE s.status = 'active' AND s.course < sp.duration_years ORDER BY s.id LIMIT 3000`)
    .pluck()
    .all() as string[];
  const orders = createOrdersService(db);
  const [draftMs, draft] = await time(async () =>
    orders.create(session, { type: 'promotion', effectiveDate: '2027-09-01', reason: 'bench', reasonRu: 'bench', items: promotable.map((studentId) => ({ studentId })) }, 'ky'),
  );
  // signed in August, in force from 1 September: signing writes the history, the rows wait for the date
  const [signMs, signed] = await time(async () => signOrder(db, orders, session, { id: draft.id, version: draft.version, orderDate: '2027-08-28' }, 'ky', () => '2027-08-28'));
  const [inForceMs, inForce] = await time(async () => bringOrdersIntoForce(db, session, '2027-09-01'));
  const [nextDayMs] = await time(async () => bringOrdersIntoForce(db, session, '2027-09-02'));
  rows.push({
    scenario: `promotion order for ${promotable.length.toLocaleString('en')} students: save draft with preview`,
    figure: `${draftMs.toFixed(0)} ms`,
    note: 'validates every student and computes the before → after preview',
  });
  rows.push({
    scenario: `promotion order for ${promotable.length.toLocaleString('en')} students: sign`,
    figure: `${signMs.toFixed(0)} ms`,
    note: `number ${signed.number}, signed ahead of its date; one transaction: ${promotable.length.toLocaleString('en')} history rows and audit entries`,
  });
  rows.push({
    scenario: `the same order comes into force on its date (${inForce.length.toLocaleString('en')} students)`,
    figure: `${inForceMs.toFixed(0)} ms`,
    note: 'first request of 1 September: student rows, groups, audit and one synced change in one transaction',
  });
  rows.push({
    scenario: 'first request of a day with no order due',
    figure: `${nextDayMs.toFixed(0)} ms`,
    note: 'looks through the history for orders signed ahead whose date has come (later requests that day: one max(rowid))',
  });

  rows.push(...(await registrarBench(db, dispatch)));
  await db.close();
  // Transcripts to paper, beside LibreOffice (issue 13): BENCH_TRANSCRIPTS=0 skips it.
  const transcriptCount = Number(process.env.BENCH_TRANSCRIPTS ?? 1000);
  if (transcriptCount > 0) rows.push(...(await transcriptsToPaperBench(dir, file, transcriptCount)));

  // Grade sheets to paper, beside LibreOffice (issue 4): BENCH_SHEETS=0 skips it.
  const sheetCount = Number(process.env.BENCH_SHEETS ?? 1000);
  if (sheetCount > 0) rows.push(...(await gradeSheetsBench(dir, sheetCount)));
  fs.rmSync(dir, { recursive: true, force: true });

  writeSection('Foundation', rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
