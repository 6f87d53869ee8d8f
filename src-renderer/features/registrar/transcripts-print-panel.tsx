import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { BatchJobView } from '../../../src-shared/contract';
import { DEFAULT_TIME_ZONE, isoDateIn } from '../../../src-shared/domain/today';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { useReference } from '../../app/reference-context';
import { BatchJobPanel, FormatSelect, IntoSelect } from '../../ui/batch-job-panel';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select';

const collator = new Intl.Collator('ky');

/**
 * Transcripts in bulk: a whole group's, or everyone who graduated in a year, into one ZIP or a
 * folder — the students' list is main's (those with a closed grade, in the caller's scope), the
 * rendering runs in worker threads while this tab only follows the progress.
 */
export function TranscriptsPrintPanel() {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const reference = useReference();
  const groups = useMemo(
    () => (reference.phase === 'ready' ? [...reference.index.scope.groups].sort((a, b) => collator.compare(a.name, b.name)) : []),
    [reference],
  );
  const [by, setBy] = useState<'group' | 'graduated'>('group');
  const [groupId, setGroupId] = useState('');
  const [year, setYear] = useState(() => isoDateIn(DEFAULT_TIME_ZONE).slice(0, 4));
  const [lang, setLang] = useState<'ky' | 'ru' | 'en'>('ky');
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [zip, setZip] = useState(true);

  // the contract names what is missing or wrong ("choose a group", the year's range) in the user's language
  const start = (): Promise<BatchJobView> =>
    by === 'group'
      ? call('transcripts.batchStart', { ...(groupId ? { groupId } : {}), lang, format, zip })
      : call('transcripts.batchStart', { graduatedIn: Number(year), lang, format, zip });

  return (
    <div className="session-print" data-testid="transcripts-print">
      <p className="muted">{t('registrar.bulk.intro')}</p>
      <BatchJobPanel family="transcripts" start={start} doneKey="registrar.bulk.done" skippedKey="registrar.bulk.skipped">
        {(running) => (
          <>
            <SelectField
              label={t('registrar.bulk.by')}
              value={by}
              onChange={(v) => setBy(v === 'graduated' ? 'graduated' : 'group')}
              options={[
                { value: 'group', label: t('registrar.bulk.byGroup') },
                { value: 'graduated', label: t('registrar.bulk.byYear') },
              ]}
              testId="bulk-by"
              disabled={running}
            />
            {by === 'group' ? (
              <SelectField
                label={t('registrar.bulk.group')}
                value={groupId}
                onChange={setGroupId}
                emptyLabel={t('registrar.bulk.chooseGroup')}
                options={groups.map((g) => ({ value: g.id, label: g.name }))}
                testId="bulk-group"
                disabled={running}
              />
            ) : (
              <TextField label={t('registrar.bulk.year')} value={year} onChange={setYear} inputMode="numeric" maxLength={4} testId="bulk-year" disabled={running} />
            )}
            <SelectField
              label={t('grades.print.lang')}
              value={lang}
              onChange={(v) => setLang(v === 'ru' || v === 'en' ? v : 'ky')}
              options={[
                { value: 'ky', label: t('grades.print.langKy') },
                { value: 'ru', label: t('grades.print.langRu') },
                { value: 'en', label: t('registrar.bulk.langEn') },
              ]}
              testId="print-lang"
              disabled={running}
            />
            <FormatSelect value={format} onChange={setFormat} disabled={running} />
            <IntoSelect zip={zip} onChange={setZip} disabled={running} />
          </>
        )}
      </BatchJobPanel>
    </div>
  );
}
