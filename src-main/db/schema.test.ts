import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { columnsOf, databaseAt } from './migrations/migration-test-kit';
import { SCHEMA_VERSION } from './migrations';

/** Reads schema.ts with the TypeScript parser: DB's table → the columns its interface declares. */
function declaredTables(): Map<string, string[]> {
  const file = path.join(__dirname, 'schema.ts');
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const interfaces = new Map<string, string[]>();
  src.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) {
      interfaces.set(n.name.text, n.members.filter(ts.isPropertySignature).map((m) => (m.name as ts.Identifier).text));
    }
  });
  const db = src.statements.find((n): n is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(n) && n.name.text === 'DB')!;
  const tables = new Map<string, string[]>();
  for (const m of db.members.filter(ts.isPropertySignature)) {
    const typeName = ((m.type as ts.TypeReferenceNode).typeName as ts.Identifier).text;
    tables.set((m.name as ts.Identifier).text, interfaces.get(typeName) ?? []);
  }
  return tables;
}

describe('hand-kept Kysely types', () => {
  it('declare exactly the tables and columns the migrations create', () => {
    const db = databaseAt(SCHEMA_VERSION);
    const real = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    const declared = declaredTables();
    expect([...declared.keys()].sort()).toEqual(real);
    for (const table of real) expect([table, [...declared.get(table)!].sort()]).toEqual([table, columnsOf(db, table).sort()]);
  });
});
