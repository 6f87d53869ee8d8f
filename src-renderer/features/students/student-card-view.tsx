import type { ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { StudentCard } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import { STUDENT_FLAGS } from '../../../src-shared/domain/enums';
import type { PinIssue } from '../../../src-shared/domain/pin';
import type { MessageKey } from '../../../src-shared/i18n';
import { baseEducationKey, EMPTY, flagKey, fundingKey, historyKindMessage, localName, sexKey, specialtyLabel, statusKey, studyFormKey } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';

/** A server warning about the ПИН in the UI language; the recorded birth date shown DD.MM.YYYY. */
export function pinIssueText(intl: IntlShape, w: PinIssue): string {
  if (w.code === 'pin.birthDateMismatch') return intl.formatMessage({ id: w.code }, { ...w, recorded: formatDate(w.recorded) });
  return intl.formatMessage({ id: w.code }, { ...w });
}

export function PinWarnings({ warnings }: { warnings: readonly PinIssue[] }) {
  const intl = useIntl();
  if (warnings.length === 0) return null;
  return (
    <ul className="pin-warnings" aria-label={intl.formatMessage({ id: 'card.pinWarnings' })} data-testid="student-pin-warnings">
      {warnings.map((w) => (
        <li
          key={`${w.code}-${'pinValue' in w ? w.pinValue : ''}`}
          className={w.level === 'error' ? 'pin-warning pin-warning-error' : 'pin-warning'}
          data-testid="student-pin-warning"
          data-code={w.code}
        >
          {pinIssueText(intl, w)}
        </li>
      ))}
    </ul>
  );
}

function Item({ label, children, testId }: { label: MessageKey; children: ReactNode; testId?: string }) {
  const intl = useIntl();
  return (
    <div className="card-item">
      <dt>{intl.formatMessage({ id: label })}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The read-only part of the card: who the student is and where they study now. */
export function StudentCardView({ card, reference }: { card: StudentCard; reference: ReferenceIndex }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const faculty = reference.faculty.get(card.facultyId);
  const specialty = reference.specialty.get(card.specialtyId);
  const group = reference.group.get(card.groupId);
  const country = reference.country.get(card.citizenship);
  const flags = STUDENT_FLAGS.filter((f) => card.flags[f]);
  const t = (id: MessageKey) => intl.formatMessage({ id });

  const coming = card.history.filter((h) => h.pending);
  return (
    <>
      {coming.length > 0 ? (
        <ul className="card-coming" data-testid="student-coming">
          {coming.map((h) => {
            const kind = historyKindMessage(h.kind);
            return (
              <li key={h.id}>
                {intl.formatMessage(
                  { id: 'card.coming' },
                  {
                      date: formatDate(h.effectiveDate),
                      change: intl.formatMessage({ id: kind.id }, kind.values),
                      status: t(statusKey(h.status)),
                      state: intl.formatMessage(
                        { id: 'history.stateLine' },
                        { group: h.groupName || EMPTY, course: h.course, form: t(studyFormKey(h.form)), funding: t(fundingKey(h.funding)) },
                      ),
                      orderNo: h.orderNo ?? EMPTY,
                    },
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <dl className="card-grid">
        <Item label="card.sex" testId="student-card-sex">
          {t(sexKey(card.sex))}
        </Item>
        <Item label="card.birthDate" testId="student-card-birthDate">
          {formatDate(card.birthDate)}
        </Item>
        <Item label="card.pin" testId="student-card-pin">
          {card.pin ?? t('card.pinNone')}
          <PinWarnings warnings={card.pinWarnings} />
        </Item>
        <Item label="card.citizenship" testId="student-card-citizenship">
          {country ? localName(country.name, locale) : card.citizenship}
        </Item>
        <Item label="card.recordBookNo" testId="student-card-recordBookNo">
          {card.recordBookNo}
        </Item>
        <Item label="card.faculty">{faculty ? localName(faculty.name, locale) : EMPTY}</Item>
        <Item label="card.specialty">{specialty ? specialtyLabel(specialty, locale) : EMPTY}</Item>
        <Item label="card.group" testId="student-card-group">
          {group?.name ?? EMPTY}
        </Item>
        <Item label="card.course">{card.course}</Item>
        <Item label="card.form">{t(studyFormKey(card.form))}</Item>
        <Item label="card.funding">{t(fundingKey(card.funding))}</Item>
        <Item label="card.baseEducation" testId="student-card-baseEducation">
          {t(baseEducationKey(card.baseEducation))}
        </Item>
        <Item label="card.admissionYear">{card.admissionYear}</Item>
        <Item label="card.status" testId="student-card-status">
          <span className={`pill pill-${card.status}`}>{t(statusKey(card.status))}</span>
        </Item>
        <Item label="card.flags" testId="student-card-flags">
          {flags.length === 0 ? (
            t('flags.none')
          ) : (
            <span className="flag-list">
              {flags.map((f) => (
                <span key={f} className="flag-chip" data-flag={f}>
                  {t(flagKey(f))}
                </span>
              ))}
            </span>
          )}
        </Item>
      </dl>
    </>
  );
}
