import jsQR from 'jsqr';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { VerifyView } from '../../../src-shared/contract';
import { onlineNote, verifyReason } from '../../../src-shared/contract/register.contract';
import { formatDate } from '../../../src-shared/domain/dates';
import type { MessageKey } from '../../../src-shared/i18n';
import { call, errorMessage } from '../../api/client';
import { ErrorBanner } from '../../ui/error-banner';

/** The QR's text in a photo or scan, read in the page (canvas + jsQR); null when none is found. */
async function qrFromImage(file: File): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(img.data, img.width, img.height)?.data ?? null;
}

/** Verify: paste a code or the QR's URL, or open a photo of the QR; the answer names what failed. */
export function VerifyPanel() {
  const intl = useIntl();
  const t = (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerifyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // only the latest check answers: a slow photo read must not overwrite a code checked after it
  const latest = useRef(0);

  async function check(text: string) {
    const n = ++latest.current;
    setError(null);
    setResult(null);
    try {
      const r = await call('register.verify', { code: text });
      if (n === latest.current) setResult(r);
    } catch (e) {
      if (n === latest.current) setError(errorMessage(e));
    }
  }

  // the signed values as a person reads them: words for codes, DD.MM.YYYY for dates
  const shown = (k: string, v: string | number) =>
    k === 'type' ? t(`registrar.type.${v}` as MessageKey) : k === 'status' ? t(`doc.status.${v}` as MessageKey) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : String(v);

  async function openImage(file: File | undefined) {
    if (!file) return;
    const text = await qrFromImage(file);
    if (!text) return setError(t('registrar.verify.noQr'));
    setCode(text);
    await check(text);
  }

  return (
    <div className="registrar-verify" data-testid="verify-panel">
      <label className="field-label" htmlFor="verify-code">
        {t('registrar.verify.paste')}
      </label>
      <textarea id="verify-code" className="input verify-code" rows={4} value={code} onChange={(e) => setCode(e.target.value)} data-testid="verify-code" spellCheck={false} />
      <div className="registrar-actions">
        <button type="button" className="btn btn-primary" disabled={!code.trim()} onClick={() => void check(code)} data-testid="verify-check">
          {t('registrar.verify.check')}
        </button>
        <label className="btn">
          {t('registrar.verify.image')}
          <input type="file" accept="image/*" hidden onChange={(e) => void openImage(e.target.files?.[0])} data-testid="verify-image" />
        </label>
      </div>
      {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} /> : null}
      {result ? (
        <div className={`verify-result ${result.valid ? 'verify-valid' : 'verify-invalid'}`} data-testid="verify-result" data-valid={result.valid ? 'true' : 'false'}>
          <strong>{result.valid ? t('verify.valid') : t(`verify.problem.${result.problem}` as MessageKey, { reason: verifyReason(result) })}</strong>
          {onlineNote(result) ? (
            <p className="muted small" data-testid="verify-online">
              {t(onlineNote(result)!)}
            </p>
          ) : null}
          {result.fields ? (
            <table className="grades-table">
              <tbody>
                {Object.entries(result.fields)
                  .filter(([, v]) => v !== null)
                  .map(([k, v]) => (
                    <tr key={k}>
                      <td className="muted small">{t(`registrar.field.${k}` as MessageKey)}</td>
                      <td>{shown(k, v!)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
