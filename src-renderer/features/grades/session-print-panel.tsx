import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AcademicSessionView } from '../../../src-shared/contract';
import type { MessageKey } from '../../../src-shared/i18n';
import { call } from '../../api/client';
import { BatchJobPanel, FormatSelect, IntoSelect } from '../../ui/batch-job-panel';
import { SelectField } from '../../ui/select';

/**
 * Every sheet of the session in one go — blanks before the exams, filled ones after — into a
 * ZIP or a folder. Main renders in worker threads; this screen only polls the progress, so the
 * rest of the app stays usable and the print can be cancelled.
 */
export function SessionPrintPanel({ session, label }: { session: AcademicSessionView; label: string }) {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [lang, setLang] = useState<'ky' | 'ru'>('ky');
  const [blank, setBlank] = useState(false);
  const [zip, setZip] = useState(true);

  return (
    <div className="session-print" data-testid="session-print">
      <p className="muted">{t('grades.print.intro', { session: label })}</p>
      <BatchJobPanel
        family="gradeSheets"
        start={() => call('gradeSheets.batchStart', { sessionId: session.id, format, lang, blank, zip })}
        doneKey="grades.print.done"
        skippedKey="grades.print.skipped"
      >
        {(running) => (
          <>
            <SelectField
              label={t('grades.print.what')}
              value={blank ? 'blank' : 'filled'}
              onChange={(v) => setBlank(v === 'blank')}
              options={[
                { value: 'filled', label: t('grades.print.filled') },
                { value: 'blank', label: t('grades.print.blank') },
              ]}
              testId="print-what"
              disabled={running}
            />
            <FormatSelect value={format} onChange={setFormat} disabled={running} />
            <SelectField
              label={t('grades.print.lang')}
              value={lang}
              onChange={(v) => setLang(v === 'ru' ? 'ru' : 'ky')}
              options={[
                { value: 'ky', label: t('grades.print.langKy') },
                { value: 'ru', label: t('grades.print.langRu') },
              ]}
              testId="print-lang"
              disabled={running}
            />
            <IntoSelect zip={zip} onChange={setZip} disabled={running} />
          </>
        )}
      </BatchJobPanel>
    </div>
  );
}
