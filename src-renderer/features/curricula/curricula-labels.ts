/** Catalog keys for the curricula screen's closed vocabularies: a new value without a message is a type error. */
import type { ControlForm } from '../../../src-shared/domain/enums';
import type { MessageKey } from '../../../src-shared/i18n';

// grade sheets name control forms the same way; one wording for both screens
export const controlFormKey = (f: ControlForm) => `grades.controlForm.${f}` as const satisfies MessageKey;
