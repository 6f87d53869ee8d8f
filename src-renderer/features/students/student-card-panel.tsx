import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { StudentCard } from '../../../src-shared/contract';
import { fullName } from '../../../src-shared/domain/person';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, isApiError } from '../../api/client';
import type { ReferenceIndex } from '../../app/reference-index';
import { useLeaveGuard, useUnsavedWork } from '../../app/leave-guard';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { StudentCardView } from './student-card-view';
import { checkDraft, draftFromCard, placeFieldProblems, type EditDraft, type EditField } from './student-edit';
import { StudentEditForm } from './student-edit-form';
import { StudentTimeline } from './student-timeline';
import { useLoad } from '../../ui/use-load';
import { StudentGrades } from '../registrar/student-grades';

interface StudentCardPanelProps {
  id: string;
  reference: ReferenceIndex;
  canEdit: boolean;
  /** the Grades tab, for those who may read grades (a dean's office: its own faculty's students) */
  canSeeGrades: boolean;
  onClose(): void;
  onSaved(card: StudentCard): void;
}


/** The student card beside the list: details, ПИН warnings, status history, and corrections for those allowed. */
export function StudentCardPanel({ id, reference, canEdit, canSeeGrades, onClose, onSaved }: StudentCardPanelProps) {
  const intl = useIntl();
  const student = useLoad(() => call('students.get', { id }), [id]);
  const load = student.state;
  const [draft, setDraft] = useState<EditDraft | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<EditField, string>>>({});
  const [banner, setBanner] = useState<{ message: string; stale: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [tab, setTab] = useState<'card' | 'grades'>('card');
  // after a refused Save the first wrong field gets the focus (and so scrolls into view): the form
  // is taller than the card on a 768-px screen, and an error out of sight is no help. An effect,
  // so it runs once the errors are on the page (not a timer or an animation frame).
  const [focusAsked, setFocusAsked] = useState(0);
  const focusFirstProblem = () => setFocusAsked((n) => n + 1);
  useEffect(() => {
    if (focusAsked === 0) return;
    const field = document.querySelector<HTMLElement>('[data-testid="student-card"] [aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  }, [focusAsked]);

  const editing = draft !== null;
  const guard = useLeaveGuard();
  const loaded = student.data;
  // corrections typed and not saved: another student, closing the card or a section asks first
  const changed = draft !== null && loaded !== null && JSON.stringify(draft) !== JSON.stringify(draftFromCard(loaded));
  useUnsavedWork(changed && loaded ? intl.formatMessage({ id: 'leave.student' }, { name: fullName(loaded) }) : null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || saving || document.querySelector('[data-testid="leave-dialog"]')) return;
      if (editing) guard(cancelEdit);
      else onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  function startEdit(card: StudentCard) {
    setDraft(draftFromCard(card));
    setFieldErrors({});
    setBanner(null);
    setSaved(false);
  }

  function cancelEdit() {
    setDraft(null);
    setFieldErrors({});
    setBanner(null);
  }

  function reload() {
    cancelEdit();
    setSaved(false);
    student.reload();
  }

  async function save(e: FormEvent, card: StudentCard) {
    e.preventDefault();
    if (!draft || saving) return;
    const { changes, problems } = checkDraft(card, draft);
    const local = Object.entries(problems) as [EditField, MessageKey][];
    if (local.length > 0) {
      // refused here: no need to ask the server about a date that does not exist
      setFieldErrors(Object.fromEntries(local.map(([f, key]) => [f, intl.formatMessage({ id: key })])));
      setBanner(null);
      focusFirstProblem();
      return;
    }
    if (Object.keys(changes).length === 0) {
      setFieldErrors({});
      setBanner({ message: intl.formatMessage({ id: 'card.nothingToSave' }), stale: false });
      return;
    }
    setSaving(true);
    setFieldErrors({});
    setBanner(null);
    try {
      const { student: updated } = await call('students.update', { id: card.id, version: card.version, changes });
      student.set(updated);
      setDraft(null);
      setSaved(true);
      onSaved(updated);
    } catch (err) {
      if (isApiError(err)) {
        const placed = placeFieldProblems(err.fields);
        setFieldErrors(placed.byField);
        focusFirstProblem();
        setBanner({ message: err.message, stale: err.code === 'conflict' && err.fields.length === 0 });
      } else {
        setBanner({ message: String(err), stale: false });
      }
    } finally {
      setSaving(false);
    }
  }

  const card = student.data;
  return (
    <aside
      className="card-panel"
      aria-label={intl.formatMessage({ id: 'card.title' })}
      data-testid="student-card"
      data-loading={load.phase === 'loading' ? 'true' : 'false'}
      data-student-id={id}
      data-mode={editing ? 'edit' : 'view'}
    >
      <div className="card-head">
        <div className="card-head-text">
          <div className="card-kicker">{intl.formatMessage({ id: 'card.title' })}</div>
          <h2 className="card-name" data-testid="student-card-name">
            {card ? fullName(card) : intl.formatMessage({ id: 'card.loading' })}
          </h2>
        </div>
        <button
          type="button"
          className="btn-icon"
          onClick={onClose}
          aria-label={intl.formatMessage({ id: 'app.close' })}
          title={intl.formatMessage({ id: 'app.close' })}
          data-testid="student-card-close"
        >
          ×
        </button>
      </div>
      {load.phase === 'error' ? <ErrorBanner message={load.message} onRetry={student.reload} /> : null}
      {card && canSeeGrades ? (
        <div className="tabs card-tabs" role="tablist" aria-label={intl.formatMessage({ id: 'card.title' })}>
          {(['card', 'grades'] as const).map((x) => (
            <button
              key={x}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === x}
              // a correction being typed stays on the card until it is saved or cancelled
              disabled={editing && x !== tab}
              onClick={() => setTab(x)}
              data-testid={`card-tab-${x}`}
            >
              {intl.formatMessage({ id: x === 'card' ? 'card.title' : 'registrar.grades.tab' })}
            </button>
          ))}
        </div>
      ) : null}
      {card && tab === 'grades' ? <StudentGrades studentId={card.id} /> : null}
      {card && tab === 'card' ? (
        <form className="card-body" onSubmit={(e) => save(e, card)} noValidate>
          {saved ? <Notice message={intl.formatMessage({ id: 'card.saved' })} testId="saved-notice" /> : null}
          {banner ? <ErrorBanner message={banner.message} onDismiss={() => setBanner(null)} /> : null}
          {banner?.stale ? (
            <button type="button" className="btn btn-small" onClick={reload} data-testid="student-reload">
              {intl.formatMessage({ id: 'card.reload' })}
            </button>
          ) : null}
          {draft ? (
            <StudentEditForm draft={draft} onChange={setDraft} errors={fieldErrors} reference={reference} disabled={saving} />
          ) : (
            <StudentCardView card={card} reference={reference} />
          )}
          {canEdit ? (
            <div className="card-actions">
              {draft ? (
                <>
                  <button type="submit" className="btn btn-primary" disabled={saving} data-testid="student-save">
                    {intl.formatMessage({ id: saving ? 'card.saving' : 'card.save' })}
                  </button>
                  <button type="button" className="btn" onClick={cancelEdit} disabled={saving} data-testid="student-cancel">
                    {intl.formatMessage({ id: 'card.cancel' })}
                  </button>
                </>
              ) : (
                <button type="button" className="btn" onClick={() => startEdit(card)} data-testid="student-edit">
                  {intl.formatMessage({ id: 'card.edit' })}
                </button>
              )}
            </div>
          ) : null}
          <h3 className="section-title">{intl.formatMessage({ id: 'history.title' })}</h3>
          <StudentTimeline history={card.history} reference={reference} />
        </form>
      ) : null}
    </aside>
  );
}
