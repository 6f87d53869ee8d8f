import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AcademicSessionView, StudentRegistrations, StudentRow } from '../../../src-shared/contract';
import { fullName } from '../../../src-shared/domain/person';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import type { ReferenceIndex } from '../../app/reference-index';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { SelectField } from '../../ui/select';
import { controlFormKey } from './grade-labels';
import { useLoad, type Loaded } from '../../ui/use-load';

interface RegistrationPanelProps {
  reference: ReferenceIndex;
  canEnter: boolean;
  session: AcademicSessionView;
}

/**
 * One student's disciplines for the session's term (AVN 33): what came with the group, plus
 * individual additions (a debt, an academic difference) and removals (credited elsewhere).
 */
export function RegistrationPanel({ reference, canEnter, session }: RegistrationPanelProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const term = session.term === 'spring' ? 'spring' : 'autumn';
  const [groupId, setGroupId] = useState('');
  const [studentId, setStudentId] = useState('');
  const [addId, setAddId] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const groups = reference.scope.groups
    .filter((g) => !session.facultyId || g.facultyId === session.facultyId)
    .sort((a, b) => a.name.localeCompare(b.name, locale));

  const studentList = useLoad(() => call('students.search', { groupId, status: 'active', limit: 500 }).then((r): StudentRow[] => r.rows), [groupId], { enabled: !!groupId });
  const students = groupId ? (studentList.data ?? []) : [];
  const studentsError = groupId && studentList.state.phase === 'error' ? studentList.state.message : null;
  useEffect(() => {
    setStudentId('');
    if (studentsError) setError(studentsError);
  }, [groupId, studentsError]);

  const loaded = useLoad(() => call('registrations.ofStudent', { studentId, academicYearId: session.academicYearId, term }), [studentId, session.id], { enabled: !!studentId });
  const regs: Loaded<StudentRegistrations> | null = studentId ? loaded.state : null;
  useEffect(() => {
    setAddId('');
    setNotice(null);
  }, [studentId, session.id]);

  async function change(run: () => Promise<StudentRegistrations>, done: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      loaded.set(await run());
      setAddId('');
      setNotice(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const data = regs?.phase === 'ready' ? regs.data : null;
  const discipline = (d: { discipline: { ky: string; ru: string; en: string }; semester: number; credits: number; controlForm: Parameters<typeof controlFormKey>[0] }) =>
    t('grades.reg.option', { name: localName(d.discipline, locale), semester: d.semester, credits: d.credits, form: t(controlFormKey(d.controlForm)) });

  return (
    <div className="registration" data-testid="registration">
      <p className="muted">{t('grades.reg.intro', { year: session.academicYearId })}</p>
      <div className="filters">
        <SelectField
          label={t('grades.reg.group')}
          value={groupId}
          onChange={setGroupId}
          emptyLabel={t('grades.chooseGroup')}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          testId="reg-group"
        />
        <SelectField
          label={t('grades.reg.student')}
          value={studentId}
          onChange={setStudentId}
          emptyLabel={t('grades.reg.chooseStudent')}
          options={students.map((s) => ({ value: s.id, label: fullName(s) }))}
          testId="reg-student"
          disabled={students.length === 0}
        />
      </div>
      {notice ? <Notice message={notice} testId="reg-notice" /> : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="reg-error" /> : null}
      {regs?.phase === 'loading' ? <div className="muted" aria-busy="true">{t('app.loading')}</div> : null}
      {regs?.phase === 'error' ? <ErrorBanner message={regs.message} /> : null}
      {data ? (
        <>
          <table className="table" data-testid="reg-table">
            <thead>
              <tr>
                <th scope="col">{t('grades.list.discipline')}</th>
                <th scope="col">{t('grades.reg.semester')}</th>
                <th scope="col">{t('grades.list.credits')}</th>
                <th scope="col">{t('grades.reg.source')}</th>
                <th scope="col">{t('grades.reg.sheet')}</th>
                {canEnter ? <th scope="col"><span className="sr-only">{t('grades.reg.remove')}</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.registrationId} data-testid="reg-row" data-source={r.source}>
                  <td>{localName(r.discipline, locale)}</td>
                  <td className="num">{r.semester}</td>
                  <td className="num">{r.credits}</td>
                  <td>{t(r.source === 'group' ? 'grades.reg.sourceGroup' : 'grades.reg.sourceIndividual')}</td>
                  <td className="mono">{r.sheetNumber ?? '—'}</td>
                  {canEnter ? (
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy || r.graded}
                        title={r.graded ? t('grades.reg.gradedHint') : undefined}
                        onClick={() => void change(() => call('registrations.remove', { registrationId: r.registrationId }), t('grades.reg.removed', { name: localName(r.discipline, locale) }))}
                        data-testid="reg-remove"
                      >
                        {t('grades.reg.remove')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {data.rows.length === 0 ? <p className="empty-state">{t('grades.reg.none')}</p> : null}
          {canEnter ? (
            <div className="filters" role="group" aria-label={t('grades.reg.add')}>
              <SelectField
                label={t('grades.reg.addLabel')}
                value={addId}
                onChange={setAddId}
                emptyLabel={t('grades.reg.chooseDiscipline')}
                options={data.options.map((o) => ({ value: o.curriculumItemId, label: discipline(o) }))}
                testId="reg-add-item"
                disabled={data.options.length === 0}
              />
              <button
                type="button"
                className="btn btn-primary"
                disabled={!addId || busy}
                onClick={() => {
                  const o = data.options.find((x) => x.curriculumItemId === addId);
                  void change(
                    () => call('registrations.add', { studentId, curriculumItemId: addId, academicYearId: session.academicYearId, term }),
                    t('grades.reg.added', { name: o ? localName(o.discipline, locale) : '' }),
                  );
                }}
                data-testid="reg-add"
              >
                {t('grades.reg.add')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
