import { Fragment, useState } from 'react';
import { useIntl } from 'react-intl';
import type { CurriculumDetail, CurriculumItemView } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import { ErrorBanner, Notice } from '../../ui/error-banner';
import { controlFormKey } from './curricula-labels';
import { bySemester, TYPICAL_SEMESTER_CREDITS } from './curriculum-draft';
import { CurriculumItemForm } from './curriculum-item-form';

type Editing = { kind: 'add'; semester: number } | { kind: 'edit'; itemId: string } | { kind: 'remove'; itemId: string } | null;

interface CurriculumSemestersProps {
  curriculum: CurriculumDetail;
  canEdit: boolean;
  onChange(next: CurriculumDetail): void;
}

const COLUMNS: readonly MessageKey[] = ['curricula.col.discipline', 'curricula.col.credits', 'curricula.col.hours', 'curricula.col.controlForm'];

/** The curriculum semester by semester, each with its credit total; items are edited in place. */
export function CurriculumSemesters({ curriculum, canEdit, onChange }: CurriculumSemestersProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const columns = COLUMNS.length + (canEdit ? 1 : 0);

  const saved = (next: CurriculumDetail, message: MessageKey) => {
    onChange(next);
    setEditing(null);
    setNotice(t(message));
  };

  const open = (next: Editing) => {
    setEditing(next);
    setNotice(null);
    setError(null);
  };

  async function remove(item: CurriculumItemView) {
    setBusy(true);
    setError(null);
    try {
      saved(await call('curricula.removeItem', { itemId: item.id, version: item.version }), 'curricula.removed');
    } catch (e) {
      setError(errorMessage(e));
      setEditing(null);
    } finally {
      setBusy(false);
    }
  }

  const form = (item: CurriculumItemView | null, semester: number) => (
    <tr className="curricula-form-row">
      <td colSpan={columns}>
        <CurriculumItemForm
          curriculum={curriculum}
          item={item}
          semester={semester}
          onSaved={(next) => saved(next, 'curricula.saved')}
          onCancel={() => setEditing(null)}
        />
      </td>
    </tr>
  );

  const row = (item: CurriculumItemView) => {
    const used = item.usedBy.registrations > 0 || item.usedBy.sheets > 0;
    const name = localName(item.discipline, locale);
    return (
      <tr key={item.id} data-testid="curricula-item" data-item-id={item.id} data-credits={item.credits}>
        <td>
          {name}
          {used ? <span className="muted small curricula-in-use">{t('curricula.inUse', item.usedBy)}</span> : null}
        </td>
        <td className="num">{item.credits}</td>
        <td className="num">{item.hours}</td>
        <td>{t(controlFormKey(item.controlForm))}</td>
        {canEdit ? (
          <td className="nowrap curricula-actions">
            {editing?.kind === 'remove' && editing.itemId === item.id ? (
              <>
                <span className="curricula-confirm">{t('curricula.removeConfirm', { discipline: name, semester: item.semester })}</span>
                <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(item)} disabled={busy} data-testid="curricula-remove-confirm">
                  {t('curricula.remove')}
                </button>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setEditing(null)} disabled={busy}>
                  {t('curricula.cancel')}
                </button>
              </>
            ) : used ? null : (
              <>
                <button type="button" className="btn-link" onClick={() => open({ kind: 'edit', itemId: item.id })} data-testid="curricula-edit">
                  {t('curricula.edit')}
                </button>
                <button type="button" className="btn-link" onClick={() => open({ kind: 'remove', itemId: item.id })} data-testid="curricula-remove">
                  {t('curricula.remove')}
                </button>
              </>
            )}
          </td>
        ) : null}
      </tr>
    );
  };

  return (
    <div className="curricula-semesters">
      {notice ? <Notice message={notice} testId="curricula-notice" /> : null}
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} testId="curricula-error" /> : null}
      {bySemester(curriculum.items, curriculum.semesters).map((block) => (
        <section key={block.semester} className="curricula-semester" data-testid="curricula-semester" data-semester={block.semester}>
          <div className="curricula-semester-head">
            <h2 className="section-title">{t('curricula.semester', { semester: block.semester })}</h2>
            <span className="curricula-total" data-testid="curricula-semester-total" data-credits={block.credits}>
              {t('curricula.semesterTotal', { credits: block.credits, hours: block.hours })}
            </span>
            {block.items.length > 0 && block.credits !== TYPICAL_SEMESTER_CREDITS ? (
              <span className="muted small">{t('curricula.semesterTypical')}</span>
            ) : null}
          </div>
          <div className="table-wrap">
            <table className="table curricula-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" className={c === 'curricula.col.credits' || c === 'curricula.col.hours' ? 'num' : undefined}>
                      {t(c)}
                    </th>
                  ))}
                  {canEdit ? (
                    <th scope="col">
                      <span className="curricula-visually-hidden">{t('curricula.col.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {block.items.length === 0 && !(editing?.kind === 'add' && editing.semester === block.semester) ? (
                  <tr>
                    <td colSpan={columns} className="muted">
                      {t('curricula.emptySemester')}
                    </td>
                  </tr>
                ) : null}
                {block.items.map((item) => (
                  <Fragment key={item.id}>
                    {editing?.kind === 'edit' && editing.itemId === item.id ? form(item, block.semester) : row(item)}
                  </Fragment>
                ))}
                {editing?.kind === 'add' && editing.semester === block.semester ? form(null, block.semester) : null}
              </tbody>
            </table>
          </div>
          {canEdit && !(editing?.kind === 'add' && editing.semester === block.semester) ? (
            <button type="button" className="btn btn-small curricula-add" onClick={() => open({ kind: 'add', semester: block.semester })} data-testid="curricula-add">
              {t('curricula.add')}
            </button>
          ) : null}
        </section>
      ))}
    </div>
  );
}
