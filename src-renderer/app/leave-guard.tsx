/**
 * Asks before leaving a screen with unsaved work (unsaved-work.ts): a modal naming what is not
 * saved, "Stay" focused so that Enter never leaves by accident. Closing or reloading the window
 * asks too (the browser's own prompt; the desktop shell shows its own box, see
 * src-main/electron/window.ts).
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { registerUnsavedWork, unsavedWork } from './unsaved-work';

type Guard = (leave: () => void) => void;

const LeaveGuardContext = createContext<Guard>((leave) => leave());

/** Runs `leave` at once when nothing is unsaved, else after the user confirms. */
export function useLeaveGuard(): Guard {
  return useContext(LeaveGuardContext);
}

/** Registers this screen's unsaved work while it is mounted; `message` null means all is saved. */
export function useUnsavedWork(message: string | null): void {
  const ref = useRef(message);
  ref.current = message;
  useEffect(() => registerUnsavedWork({ describe: () => ref.current }), []);
}

export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const [asking, setAsking] = useState<{ lines: string[]; leave: () => void } | null>(null);

  const guard = useCallback<Guard>((leave) => {
    const lines = unsavedWork();
    if (lines.length === 0) leave();
    else setAsking({ lines, leave });
  }, []);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (unsavedWork().length === 0) return;
      e.preventDefault();
      // older engines show their prompt only when returnValue is set
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return (
    <LeaveGuardContext.Provider value={guard}>
      {children}
      {asking ? (
        <LeaveDialog
          lines={asking.lines}
          onStay={() => setAsking(null)}
          onLeave={() => {
            setAsking(null);
            asking.leave();
          }}
        />
      ) : null}
    </LeaveGuardContext.Provider>
  );
}

function LeaveDialog({ lines, onStay, onLeave }: { lines: string[]; onStay(): void; onLeave(): void }) {
  const intl = useIntl();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div
      className="modal-backdrop"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Escape answers this question only; a screen's own Escape (close the card) must not see it
        e.stopPropagation();
        onStay();
      }}
    >
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby="leave-title" data-testid="leave-dialog">
        <h2 id="leave-title" className="modal-title">
          {intl.formatMessage({ id: 'leave.title' })}
        </h2>
        <ul className="modal-lines">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <div className="modal-actions">
          <button ref={stay} type="button" className="btn btn-primary" onClick={onStay} data-testid="leave-stay">
            {intl.formatMessage({ id: 'leave.stay' })}
          </button>
          <button type="button" className="btn" onClick={onLeave} data-testid="leave-confirm">
            {intl.formatMessage({ id: 'leave.go' })}
          </button>
        </div>
      </div>
    </div>
  );
}
