import { useId, type ReactNode } from 'react';

interface FieldShellProps {
  label: string;
  /** a problem with this field, shown under it and announced */
  error?: string | null | undefined;
  /** e.g. "name" gives data-testid="field-error-name" */
  errorName?: string;
  hint?: string | undefined;
  children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode;
  className?: string;
}

/** Label, control, hint and error, wired together for screen readers. */
export function FieldShell({ label, error, errorName, hint, children, className }: FieldShellProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {children({ inputId, describedBy })}
      {hint ? (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={errorId} role="alert" data-testid={errorName ? `field-error-${errorName}` : undefined}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  testId?: string;
  error?: string | null | undefined;
  errorName?: string;
  hint?: string | undefined;
  placeholder?: string | undefined;
  type?: 'text' | 'password' | 'search';
  autoComplete?: string;
  maxLength?: number;
  disabled?: boolean;
  autoFocus?: boolean;
  inputMode?: 'text' | 'numeric';
  className?: string;
}

export function TextField(p: TextFieldProps) {
  return (
    <FieldShell label={p.label} error={p.error} errorName={p.errorName} hint={p.hint} className={p.className}>
      {({ inputId, describedBy }) => (
        <input
          id={inputId}
          className="input"
          type={p.type ?? 'text'}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          placeholder={p.placeholder}
          autoComplete={p.autoComplete ?? 'off'}
          spellCheck={false}
          maxLength={p.maxLength}
          disabled={p.disabled}
          autoFocus={p.autoFocus}
          inputMode={p.inputMode}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={p.testId}
        />
      )}
    </FieldShell>
  );
}

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  testId?: string;
  error?: string | null | undefined;
  errorName?: string;
  hint?: string | undefined;
  placeholder?: string | undefined;
  maxLength?: number;
  rows?: number;
  disabled?: boolean;
  className?: string;
}

export function TextAreaField(p: TextAreaFieldProps) {
  return (
    <FieldShell label={p.label} error={p.error} errorName={p.errorName} hint={p.hint} className={p.className}>
      {({ inputId, describedBy }) => (
        <textarea
          id={inputId}
          className="input textarea"
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          placeholder={p.placeholder}
          maxLength={p.maxLength}
          rows={p.rows ?? 3}
          disabled={p.disabled}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={p.testId}
        />
      )}
    </FieldShell>
  );
}
