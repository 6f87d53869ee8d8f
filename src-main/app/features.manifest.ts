/**
 * The offices (features) this build has. Adding an office: write its folder under
 * src-main/features/<office>/ with a `<office>.feature.ts`, and add one line here
 * (docs/architecture.md, "Adding an office").
 */
import { backupFeature } from '../features/backup/backup.feature';
import { setupFeature } from '../features/setup/setup.feature';
import { curriculaFeature } from '../features/curricula/curricula.feature';
import { gradeSheetsFeature } from '../features/grade-sheets/grade-sheets.feature';
import { ordersFeature } from '../features/orders/orders.feature';
import { registrarFeature } from '../features/registrar/registrar.feature';
import { referenceFeature } from '../features/reference/reference.feature';
import { sessionFeature } from '../features/session/session.feature';
import { studentsFeature } from '../features/students/students.feature';
import { syncFeature } from '../features/sync/sync.feature';

export const FEATURES = [sessionFeature, referenceFeature, studentsFeature, ordersFeature, curriculaFeature, gradeSheetsFeature, syncFeature, backupFeature, setupFeature, registrarFeature] as const;
