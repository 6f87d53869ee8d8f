import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '..', file) });
  return result!.messages.map((m) => m.message);
}

describe('runtime boundaries are enforced by lint', () => {
  it('src-shared imports no Node, electron or main code and touches no DOM', async () => {
    const p = await problems(
      'src-shared/domain/probe.ts',
      `import fs from 'node:fs';\nimport { app } from 'electron';\nimport { openDatabase } from '../../src-main/db/connection';\nexport const x = [fs, app, openDatabase, document.title];\n`,
    );
    expect(p.join('\n')).toMatch(/Node APIs belong in src-main/);
    expect(p.join('\n')).toMatch(/Only src-main\/electron\/ imports electron/);
    expect(p.join('\n')).toMatch(/not by importing main/);
    expect(p.join('\n')).toMatch(/Unexpected use of 'document'/);
  });

  it('src-renderer never imports main, and keeps text out of components', async () => {
    const p = await problems(
      'src-renderer/features/probe.tsx',
      `import { createApp } from '../../src-main/app/create-app';\nexport const P = () => <p title="Студенттер">Students {String(createApp)}</p>;\n`,
    );
    expect(p.filter((m) => /not by importing main/.test(m))).toHaveLength(1);
    expect(p.filter((m) => /i18n catalogs/.test(m))).toHaveLength(2);
  });

  it('only src-main/electron imports electron', async () => {
    expect(await problems('src-main/features/probe.ts', `import { app } from 'electron';\nexport const a = app;\n`)).toEqual([
      expect.stringMatching(/Only src-main\/electron\/ imports electron/),
    ]);
    expect(await problems('src-main/electron/probe.ts', `import { app } from 'electron';\nexport const a = app;\n`)).toEqual([]);
  });

  it('the sync server shares only src-main/platform with main', async () => {
    const p = await problems(
      'src-server/sync/probe.ts',
      `import { openDatabase } from '../../src-main/db/connection';\nimport { createStudentsService } from '../../src-main/features/students/students.service';\nimport { hashPassword } from '../../src-main/platform/password';\nexport const x = [openDatabase, createStudentsService, hashPassword];\n`,
    );
    expect(p).toEqual([expect.stringMatching(/shares only src-main\/platform/), expect.stringMatching(/shares only src-main\/platform/)]);
  });

  it('src-main/platform depends on neither main nor the server', async () => {
    const p = await problems(
      'src-main/platform/probe.ts',
      `import { openDatabase } from '../db/connection';\nimport { listAudit } from '../features/audit/audit.service';\nimport Sqlite from 'better-sqlite3';\nimport { isoDateIn } from '../../src-shared/domain/today';\nexport const x = [openDatabase, listAudit, Sqlite, isoDateIn];\n`,
    );
    expect(p.filter((m) => /imports only src-shared and Node/.test(m))).toHaveLength(2);
    expect(p.filter((m) => /Database access belongs in src-main/.test(m))).toHaveLength(1);
    expect(p).toHaveLength(3);
  });

  it('keeps SQL in repositories: a service may not touch the database handles, kysely or a write scope’s queries', async () => {
    const service = `import { sql } from 'kysely';
import type { Database } from '../../db/connection';
import type { WriteScope } from '../write-transaction';
export function f(db: Database, w: WriteScope) {
  db.sync.first(db.kysely.selectFrom('student').selectAll());
  db.sqlite.prepare('SELECT 1').get();
  w.sql.run(w.q.deleteFrom('grade'));
  return sql\`1\`;
}
`;
    const p = await problems('src-main/features/probe/probe.service.ts', service);
    expect(p.filter((m) => /belong in a repository/.test(m)).length).toBe(6);
    expect(p.filter((m) => /'kysely' import is restricted/.test(m))).toHaveLength(1);
    // the same code is at home in a repository, in src-main/db/ and in a test
    for (const home of ['src-main/features/probe/probe.repository.ts', 'src-main/db/probe.ts', 'src-main/features/probe/probe.test.ts']) {
      expect((await problems(home, service)).filter((m) => /repository|kysely/.test(m)), home).toEqual([]);
    }
  });

  it('does not mistake an index named q for a query', async () => {
    expect(await problems('src-main/features/probe/probe.service.ts', `export const f = (queue: string[], q: number) => queue[q];\n`)).toEqual([]);
  });
});
