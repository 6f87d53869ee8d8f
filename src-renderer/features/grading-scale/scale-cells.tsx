import { useIntl } from 'react-intl';
import type { Problem, Problems } from './scale-form';

/** The messages of one path, in the UI language (main's already are). */
export function useProblemText(problems: Problems) {
  const intl = useIntl();
  const word = (p: Problem) => ('text' in p ? p.text : intl.formatMessage({ id: p.key }, p.values));
  return (path: string): string | null => {
    const list = problems.get(path);
    return list?.length ? list.map(word).join('; ') : null;
  };
}

interface CellProps {
  /** path into the scale, e.g. "bands.3.min": names the input and its error for tests */
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | null;
  className?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  maxLength?: number;
}

/** A table cell's input with its problem right under it, announced and linked to the input. */
export function CellInput({ path, label, value, onChange, error, className, inputMode, maxLength }: CellProps) {
  const errorId = `scale-error-${path}`;
  return (
    <div className={error ? 'scale-cell field-invalid' : 'scale-cell'}>
      <input
        className={['input', 'scale-input', className ?? ''].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        inputMode={inputMode}
        maxLength={maxLength}
        spellCheck={false}
        autoComplete="off"
        data-testid={`scale-${path}`}
      />
      {error ? (
        <span className="field-error" id={errorId} role="alert" data-testid={`scale-error-${path}`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

interface CellSelectProps<T extends string | number> {
  path: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  error: string | null;
}

export function CellSelect<T extends string | number>({ path, label, value, options, onChange, error }: CellSelectProps<T>) {
  const errorId = `scale-error-${path}`;
  return (
    <div className={error ? 'scale-cell field-invalid' : 'scale-cell'}>
      <select
        className="select scale-input"
        value={String(value)}
        onChange={(e) => onChange(options.find((o) => String(o.value) === e.target.value)?.value ?? value)}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={`scale-${path}`}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field-error" id={errorId} role="alert" data-testid={`scale-error-${path}`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A problem of a whole table or of the form (e.g. "parts add up to 90"). */
export function TableProblem({ path, text }: { path: string; text: string | null }) {
  return text ? (
    <p className="field-error scale-table-error" role="alert" data-testid={`scale-error-${path}`}>
      {text}
    </p>
  ) : null;
}
