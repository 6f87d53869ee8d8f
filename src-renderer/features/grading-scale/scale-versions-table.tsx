import { useIntl } from 'react-intl';
import type { GradingScaleVersion } from '../../../src-shared/contract';
import { formatDate } from '../../../src-shared/domain/dates';
import type { MessageKey } from '../../../src-shared/i18n';

const HEADERS: readonly MessageKey[] = ['scale.col.year', 'scale.col.version', 'scale.col.createdBy', 'scale.col.createdAt', 'scale.col.sheets'];

/** Every stored version, newest first, with how many sheets were generated with it. */
export function ScaleVersionsTable({ rows }: { rows: readonly GradingScaleVersion[] }) {
  const intl = useIntl();
  return (
    <>
      <h2 className="section-title">{intl.formatMessage({ id: 'scale.versions' })}</h2>
      {rows.length === 0 ? (
        <p className="empty-state">{intl.formatMessage({ id: 'scale.versionsEmpty' })}</p>
      ) : (
        <div className="table-wrap scale-versions">
          <table className="table table-compact" data-testid="scale-versions">
            <thead>
              <tr>
                {HEADERS.map((h) => (
                  <th key={h} scope="col">
                    {intl.formatMessage({ id: h })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="scale-version-row" data-year={r.academicYearId} data-version={r.version}>
                  <td className="nowrap">{r.academicYearId}</td>
                  <td className="num">{r.version}</td>
                  <td>{r.createdBy ?? intl.formatMessage({ id: 'scale.byDefault' })}</td>
                  <td className="nowrap">{formatDate(r.createdAt)}</td>
                  <td className="num" data-testid="scale-version-sheets">
                    {r.sheets}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
