import { m0001Reference } from './0001-reference';
import { m0002Students } from '../../features/students/migrations/0002-students';
import { m0003Staff } from './0003-staff';
import { m0004Curricula } from '../../features/curricula/migrations/0004-curricula';
import { m0005AccountsAuditOutbox } from './0005-accounts-audit-outbox';
import { m0006Orders } from '../../features/orders/migrations/0006-orders';
import { m0007Grades } from '../../features/grade-sheets/migrations/0007-grades';
import { m0008CurriculumItemUsage } from '../../features/curricula/migrations/0008-curriculum-item-usage';
import { m0009GradingScaleVersions } from '../../features/grade-sheets/migrations/0009-grading-scale-versions';
import { m0010Sync } from '../../features/sync/migrations/0010-sync';
import { m0011SyncResilience } from '../../features/sync/migrations/0011-sync-resilience';
import { m0012SyncRecovery } from '../../features/sync/migrations/0012-sync-recovery';
import { m0013LooseSearchText } from '../../features/students/migrations/0013-loose-search-text';
import { m0014OrderBasisRu } from '../../features/orders/migrations/0014-order-basis-ru';
import { m0015OrderVisas } from '../../features/orders/migrations/0015-order-visas';
import { m0016DocumentRegister } from '../../features/registrar/migrations/0016-document-register';
import type { Migration } from './migration';

// The core schema (the university's structure and staff, accounts, audit and outbox) lives here;
// each office's tables live in its folder, src-main/features/<office>/migrations/. The list is
// static (no folder scanning: it breaks inside asar) and numbered across all of them.
import { m0017StudentLatinName } from '../../features/students/migrations/0017-student-latin-name';
import { SCHEMA_VERSION } from '../../platform/schema-version';

export const MIGRATIONS: readonly Migration[] = [
  m0001Reference,
  m0002Students,
  m0003Staff,
  m0004Curricula,
  m0005AccountsAuditOutbox,
  m0006Orders,
  m0007Grades,
  m0008CurriculumItemUsage,
  m0009GradingScaleVersions,
  m0010Sync,
  m0011SyncResilience,
  m0012SyncRecovery,
  m0013LooseSearchText,
  m0014OrderBasisRu,
  m0015OrderVisas,
  m0016DocumentRegister,
  m0017StudentLatinName,
];

/** The schema version this build writes; sync mutations carry it (issue 5). Kept in platform/ for the server. */
export { SCHEMA_VERSION };
