import { FieldShell } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  options: readonly SelectOption[];
  /** when given, an extra first option with value "" (e.g. "All") */
  emptyLabel?: string;
  testId?: string;
  error?: string | null | undefined;
  errorName?: string;
  disabled?: boolean;
  className?: string;
}

export function SelectField(p: SelectFieldProps) {
  return (
    <FieldShell label={p.label} error={p.error} errorName={p.errorName} className={p.className}>
      {({ inputId, describedBy }) => (
        <select
          id={inputId}
          className="select"
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
          disabled={p.disabled}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={p.testId}
        >
          {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
