import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

interface ErrorBannerProps {
  message: string;
  onRetry?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
  /** defaults to "error-banner" */
  testId?: string;
}

/** A problem that concerns the whole screen or form; field problems go next to their fields. */
export function ErrorBanner({ message, onRetry, onDismiss, testId }: ErrorBannerProps) {
  const intl = useIntl();
  return (
    <div className="banner banner-error" role="alert" data-testid={testId ?? 'error-banner'}>
      <span className="banner-text">{message}</span>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {intl.formatMessage({ id: 'app.retry' })}
        </button>
      ) : null}
      {onDismiss ? (
        <button
          type="button"
          className="btn-icon"
          onClick={onDismiss}
          aria-label={intl.formatMessage({ id: 'app.dismiss' })}
          title={intl.formatMessage({ id: 'app.dismiss' })}
        >
          ×
        </button>
      ) : null}
    </div>
  );
}

/** A quiet confirmation ("saved"); `role=status` so screen readers read it without interrupting. */
export function Notice({ message, testId, children }: { message: string; testId: string; children?: ReactNode }) {
  return (
    <div className="banner banner-ok" role="status" data-testid={testId}>
      <span className="banner-text">{message}</span>
      {children}
    </div>
  );
}
