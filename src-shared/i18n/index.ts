/**
 * Message catalogs (ICU MessageFormat) for Kyrgyz, Russian and English. Main formats error
 * messages with the same catalogs the renderer uses, so a message reads the same everywhere.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { auditEn } from './audit.en';
import { auditKy } from './audit.ky';
import { auditRu } from './audit.ru';
import { backupEn } from './backup.en';
import { setupEn } from './setup.en';
import { setupKy } from './setup.ky';
import { setupRu } from './setup.ru';
import { backupKy } from './backup.ky';
import { backupRu } from './backup.ru';
import { cliEn } from './cli.en';
import { cliKy } from './cli.ky';
import { cliRu } from './cli.ru';
import { curriculaEn } from './curricula.en';
import { curriculaKy } from './curricula.ky';
import { curriculaRu } from './curricula.ru';
import { docEn } from './doc.en';
import { docKy } from './doc.ky';
import { docRu } from './doc.ru';
import { errorsEn } from './errors.en';
import { errorsKy } from './errors.ky';
import { errorsRu } from './errors.ru';
import { gradeSessionEn } from './grade-session.en';
import { gradeSessionKy } from './grade-session.ky';
import { gradeSessionRu } from './grade-session.ru';
import { gradingScaleEn } from './grading-scale.en';
import { gradingScaleKy } from './grading-scale.ky';
import { gradingScaleRu } from './grading-scale.ru';
import { syncEn } from './sync.en';
import { syncKy } from './sync.ky';
import { syncRu } from './sync.ru';
import { uiEn } from './ui.en';
import { deanOfficeEn } from './dean-office.en';
import { deanOfficeKy } from './dean-office.ky';
import { deanOfficeRu } from './dean-office.ru';
import { densityEn } from './density.en';
import { densityKy } from './density.ky';
import { densityRu } from './density.ru';
import { historyEn } from './history.en';
import { historyKy } from './history.ky';
import { historyRu } from './history.ru';
import { unsavedEn } from './unsaved.en';
import { unsavedKy } from './unsaved.ky';
import { unsavedRu } from './unsaved.ru';
import { registrarEn } from './registrar.en';
import { registrarKy } from './registrar.ky';
import { registrarRu } from './registrar.ru';
import { uiKy } from './ui.ky';
import { verifyPageEn } from './verify-page.en';
import { verifyPageKy } from './verify-page.ky';
import { verifyPageRu } from './verify-page.ru';
import { uiRu } from './ui.ru';

export const LOCALES = ['ky', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ky';

export type MessageKey = keyof typeof errorsRu | keyof typeof uiRu | keyof typeof docRu | keyof typeof curriculaRu | keyof typeof gradingScaleRu | keyof typeof gradeSessionRu | keyof typeof syncRu | keyof typeof cliRu | keyof typeof backupRu | keyof typeof setupRu | keyof typeof unsavedRu | keyof typeof auditRu | keyof typeof historyRu | keyof typeof densityRu | keyof typeof deanOfficeRu | keyof typeof registrarRu | keyof typeof verifyPageRu;
export type Catalog = Record<MessageKey, string>;

export const catalogs: Record<Locale, Catalog> = {
  ky: { ...errorsKy, ...uiKy, ...docKy, ...curriculaKy, ...gradingScaleKy, ...gradeSessionKy, ...syncKy, ...cliKy, ...backupKy, ...setupKy, ...unsavedKy, ...auditKy, ...historyKy, ...densityKy, ...deanOfficeKy, ...registrarKy, ...verifyPageKy },
  ru: { ...errorsRu, ...uiRu, ...docRu, ...curriculaRu, ...gradingScaleRu, ...gradeSessionRu, ...syncRu, ...cliRu, ...backupRu, ...setupRu, ...unsavedRu, ...auditRu, ...historyRu, ...densityRu, ...deanOfficeRu, ...registrarRu, ...verifyPageRu },
  en: { ...errorsEn, ...uiEn, ...docEn, ...curriculaEn, ...gradingScaleEn, ...gradeSessionEn, ...syncEn, ...cliEn, ...backupEn, ...setupEn, ...unsavedEn, ...auditEn, ...historyEn, ...densityEn, ...deanOfficeEn, ...registrarEn, ...verifyPageEn },
};

export function pickLocale(value: unknown): Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : DEFAULT_LOCALE;
}

const cache = new Map<string, IntlMessageFormat>();

/** A value may itself be a message (e.g. a status name), formatted in the same language. */
export type MessageRef = { msg: MessageKey; values?: MessageValues };
export type MessageValues = Record<string, string | number | boolean | null | undefined | MessageRef>;

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let fmt = cache.get(cacheKey);
  if (!fmt) {
    fmt = new IntlMessageFormat(catalogs[locale][key], locale);
    cache.set(cacheKey, fmt);
  }
  let flat: Record<string, string | number | boolean | null | undefined> | undefined;
  if (values) {
    flat = {};
    for (const [k, v] of Object.entries(values)) {
      flat[k] = v !== null && typeof v === 'object' ? translate(locale, v.msg, v.values) : v;
    }
  }
  return String(fmt.format(flat as Record<string, string | number>));
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogs.ru, key);
}
