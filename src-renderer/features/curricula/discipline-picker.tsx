import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { DisciplineRef } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, isApiError } from '../../api/client';
import { localName } from '../../app/labels';
import { useLocale } from '../../app/locale-context';
import { ErrorBanner } from '../../ui/error-banner';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useLoad } from '../../ui/use-load';

interface DisciplinePickerProps {
  value: string;
  /** the discipline the item has now, so the choice shows before any search */
  current: DisciplineRef | null;
  onChange(id: string): void;
  error: string | null;
}

type NewNames = { nameKy: string; nameRu: string; nameEn: string };
const NO_NAMES: NewNames = { nameKy: '', nameRu: '', nameEn: '' };

/** Search the disciplines (any language), choose one, or add one the list lacks (the form is for editors only). */
export function DisciplinePicker({ value, current, onChange, error }: DisciplinePickerProps) {
  const intl = useIntl();
  const { locale } = useLocale();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, 250);
  const [known, setKnown] = useState<DisciplineRef[]>(current ? [current] : []);
  const [creating, setCreating] = useState(false);
  const [names, setNames] = useState<NewNames>(NO_NAMES);
  const [nameErrors, setNameErrors] = useState<Partial<Record<keyof NewNames, string>>>({});
  const [createError, setCreateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = useLoad(() => call('disciplines.search', { query: debounced, limit: 50 }).then((r): DisciplineRef[] => r.rows), [debounced], { keepPrevious: true });
  const found = search.data;
  const searchError = search.state.phase === 'error' ? search.state.message : null;

  // the chosen discipline stays an option whatever the search shows
  const chosen = [...known, ...(found ?? [])].find((d) => d.id === value);
  const options = [...(chosen && !(found ?? []).some((d) => d.id === chosen.id) ? [chosen] : []), ...(found ?? [])].map((d) => ({
    value: d.id,
    label: localName(d.name, locale),
  }));

  async function create() {
    setBusy(true);
    setNameErrors({});
    setCreateError(null);
    try {
      const d = await call('disciplines.create', names);
      setKnown((k) => [...k, d]);
      onChange(d.id);
      setCreating(false);
      setNames(NO_NAMES);
    } catch (e) {
      if (!isApiError(e)) {
        setCreateError(String(e));
        return;
      }
      const byName: Partial<Record<keyof NewNames, string>> = {};
      for (const f of e.fields) if (f.path in NO_NAMES) byName[f.path as keyof NewNames] ??= f.message;
      setNameErrors(byName);
      if (Object.keys(byName).length === 0) setCreateError(e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="curricula-discipline">
      <TextField
        label={t('curricula.disciplineSearch')}
        value={query}
        onChange={setQuery}
        type="search"
        placeholder={t('curricula.disciplineSearchPlaceholder')}
        testId="curricula-item-search"
        hint={found && found.length === 0 ? t('curricula.disciplineNone') : undefined}
      />
      <SelectField
        label={t('curricula.col.discipline')}
        value={value}
        onChange={onChange}
        options={options}
        emptyLabel={t('curricula.disciplineChoose')}
        testId="curricula-item-discipline"
        error={error ?? searchError}
        errorName="disciplineId"
      />
      {!creating ? (
        <button type="button" className="btn-link" onClick={() => setCreating(true)} data-testid="curricula-new-discipline">
          {t('curricula.newDiscipline')}
        </button>
      ) : null}
      {creating ? (
        <div className="curricula-new-discipline" data-testid="curricula-new-discipline-form">
          {createError ? <ErrorBanner message={createError} onDismiss={() => setCreateError(null)} /> : null}
          {(['nameKy', 'nameRu', 'nameEn'] as const).map((k) => (
            <TextField
              key={k}
              label={t(`label.${k}`)}
              value={names[k]}
              onChange={(v) => setNames((n) => ({ ...n, [k]: v }))}
              maxLength={200}
              error={nameErrors[k]}
              errorName={k}
              testId={`curricula-new-${k}`}
            />
          ))}
          <div className="curricula-form-actions">
            <button type="button" className="btn btn-small" onClick={() => void create()} disabled={busy} data-testid="curricula-new-discipline-save">
              {t('curricula.newDisciplineCreate')}
            </button>
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setCreating(false)} disabled={busy}>
              {t('curricula.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
