import { describe, expect, it } from 'vitest';
import { studentSearchText } from '../../../../src-shared/domain/search-text';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { databaseAt, seedStructure, T } from '../../../db/migrations/migration-test-kit';
import { searchFold } from '../../../../src-shared/domain/person';
import { installCaptureTriggers } from '../../sync/migrations/0010-sync';

describe('migration 0013 loose search text', () => {
  it('gives every student the search text the app computes, without queuing a change to send', () => {
    const db = databaseAt(12);
    seedStructure(db);
    db.prepare(`INSERT INTO student_group (id, faculty_id, specialty_id, name, form, intake_year, course, language, updated_at) VALUES ('g', 'f', 's', 'ЭК-1-26', 'full_time', 2026, 1, 'ky', ?)`).run(T);
    const people = [
      { id: 'a', last_name: 'Жеңишбеков', first_name: 'Үмүт', patronymic: 'Асан уулу', pin: '20211200500456', record_book_no: 'AB-0001' },
      { id: 'b', last_name: 'Ивaнов', first_name: 'Сергей', patronymic: null, pin: null, record_book_no: '26-0005' }, // Latin a
    ];
    const ins = db.prepare(`INSERT INTO student (id, last_name, first_name, patronymic, sex, birth_date, pin, citizenship, record_book_no, group_id, funding, base_education, admission_year, status, search_text, created_at, updated_at)
      VALUES (@id, @last_name, @first_name, @patronymic, 'M', '2005-11-02', @pin, 'KG', @record_book_no, 'g', 'budget', 'school', 2026, 'active', @search_text, '${T}', '${T}')`);
    for (const p of people) {
      // what 0002..0012 stored: the text as typed, folded
      ins.run({ ...p, search_text: searchFold([p.last_name, p.first_name, p.patronymic ?? '', p.pin ?? '', p.record_book_no].join(' ')) });
    }
    installCaptureTriggers(db);
    db.prepare('UPDATE sync_control SET capture = 1').run();
    migrate(db, MIGRATIONS);
    for (const p of people) {
      expect(db.prepare('SELECT search_text FROM student WHERE id = ?').pluck().get(p.id)).toBe(studentSearchText(p));
    }
    expect(db.prepare('SELECT count(*) FROM sync_change').pluck().get()).toBe(0);
    expect(db.prepare('SELECT capture FROM sync_control').pluck().get()).toBe(1);
  });
});
