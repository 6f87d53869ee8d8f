/**
 * Demo accounts: one per role (DOMAIN.md §1) plus a second dean's-office clerk of another
 * faculty, so tests can check that a clerk sees only their own faculty. The password of
 * every account is "unidesk-<username>".
 */
import type { Role } from '../../../src-shared/domain/roles';

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  /** faculty code (demo-structure.data.ts); required for a clerk */
  readonly facultyCode: string | null;
  readonly displayName: string;
}

const user = (username: string, role: Role, facultyCode: string | null, displayName: string): DemoUser => ({
  username,
  password: `unidesk-${username}`,
  role,
  facultyCode,
  displayName,
});

export const DEMO_USERS: readonly DemoUser[] = [
  user('clerk', 'clerk', 'ECON', 'Асанова Гүлнара Бакытовна'),
  user('clerk2', 'clerk', 'LAW', 'Токтогулова Айгерим Нурлан кызы'),
  user('studhr', 'students_hr', null, 'Өмүралиева Жылдыз Сүйүнбековна'),
  user('hr', 'hr', null, 'Сүйүнбаев Нурлан Өмүрбекович'),
  user('finance', 'planning_finance', null, 'Үсөнова Мөлмөл Чыңгызовна'),
  user('accountant', 'accountant', null, 'Жеңишбекова Нургүл Төлөгөн кызы'),
  user('registrar', 'registrar', null, 'Мамытов Бакыт Эркин уулу'),
  user('teaching', 'teaching', null, 'Кадыров Өмүрбек Асанович'),
  user('admin', 'admin', null, 'Исмаилов Чыңгыз Таалайбекович'),
];
