import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { IssuedDocumentView, StudentRow } from '../../../src-shared/contract';
import { ISSUED_TYPES, type IssuedType } from '../../../src-shared/contract/register.contract';
import { fullName } from '../../../src-shared/domain/person';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { SelectField } from '../../ui/select';
import { TextField } from '../../ui/field';
import { downloadFile } from '../../ui/file-download';

type Lang = 'ky' | 'ru' | 'en';

/** Find a student, choose the document, language and purpose, issue: the PDF downloads, the register has the number. */
export function IssueCertificate() {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<StudentRow[] | null>(null);
  const [student, setStudent] = useState<StudentRow | null>(null);
  const [lang, setLang] = useState<Lang>('ky');
  const [type, setType] = useState<IssuedType>('study');
  // an academic certificate is issued in Kyrgyz or Russian
  const langs: readonly Lang[] = type === 'academic' ? ['ky', 'ru'] : ['ky', 'ru', 'en'];
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedDocumentView | null>(null);

  async function search() {
    setError(null);
    try {
      setFound((await call('students.search', { query: query.trim(), limit: 20 })).rows);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function issue() {
    if (!student) return;
    setBusy(true);
    setError(null);
    setIssued(null);
    try {
      // only a certificate of study prints its purpose ("for presentation to …")
      const r = await call('register.issueCertificate', { studentId: student.id, type, lang, purpose: type === 'study' ? purpose : '' });
      downloadFile(r.file);
      setIssued(r.document);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="registrar-issue" data-testid="registrar-issue">
      <form
        className="registrar-search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <TextField label={t('registrar.issue.find')} value={query} onChange={setQuery} testId="registrar-student-query" type="search" />
        <button type="submit" className="btn" data-testid="registrar-student-search">
          {t('registrar.issue.search')}
        </button>
      </form>
      {found && found.length === 0 ? <p className="muted">{t('registrar.issue.none')}</p> : null}
      {found && found.length > 0 ? (
        <ul className="registrar-found">
          {found.map((s) => (
            <li key={s.id}>
              <button type="button" className={`btn btn-small${student?.id === s.id ? ' btn-primary' : ''}`} onClick={() => setStudent(s)} data-testid="registrar-student" data-student-id={s.id}>
                {fullName(s)} · {s.recordBookNo} · {s.course}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {student ? (
        <div className="registrar-form">
          <h3 className="section-title">{t('registrar.issue.for', { name: fullName(student) })}</h3>
          <div className="registrar-choices">
            <SelectField
              label={t('registrar.field.type')}
              value={type}
              onChange={(v) => {
                const next = v as IssuedType;
                setType(next);
                if (next === 'academic' && lang === 'en') setLang('ky');
              }}
              options={ISSUED_TYPES.map((k) => ({ value: k, label: t(`registrar.kind.${k}`) }))}
              testId="certificate-type"
              className="registrar-type"
            />
            <SelectField label={t('registrar.issue.lang')} value={lang} onChange={(v) => setLang(v as Lang)} options={langs.map((l) => ({ value: l, label: t(`lang.${l}`) }))} testId="certificate-lang" />
          </div>
          {type === 'study' ? (
            <TextField label={t('registrar.issue.purpose')} hint={t('registrar.issue.purposeHint')} value={purpose} onChange={setPurpose} maxLength={200} testId="certificate-purpose" />
          ) : null}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void issue()} data-testid="certificate-issue">
            {t('registrar.issue.button')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="registrar-error" /> : null}
      {issued ? <Notice message={t('registrar.issue.done', { number: issued.number, code: issued.shortCode })} testId="certificate-issued" /> : null}
    </div>
  );
}
