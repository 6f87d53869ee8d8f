/**
 * The handle between the students list and the card (issue 12, item 20): drag it, or focus it
 * and press ←/→, to give the card more or less room. The list keeps a minimum width that
 * holds all its columns, so widening the card never hides one; the width is remembered.
 */
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useIntl } from 'react-intl';
import { localStorageOrNull } from '../../ui/local-store';

/** the narrow list (students.css, `.students-layout-with-card .students-cols`) plus its scrollbar */
export const LIST_MIN_WITH_CARD = 790;
export const CARD_MIN = 300;
const CARD_DEFAULT = 340;
const STEP = 24;
const STORAGE = 'unidesk.cardWidth';

function storedWidth(): number {
  try {
    const n = Number(localStorageOrNull()?.getItem(STORAGE));
    return Number.isFinite(n) && n >= CARD_MIN ? n : CARD_DEFAULT;
  } catch {
    return CARD_DEFAULT;
  }
}

/** The card's width and what the layout's grid needs for it. */
export function useCardWidth(): { width: number; setWidth(w: number): void; columns: string } {
  const [width, set] = useState(storedWidth);
  const setWidth = useCallback((w: number) => {
    set(w);
    try {
      localStorageOrNull()?.setItem(STORAGE, String(Math.round(w)));
    } catch {
      // not remembered: this window only
    }
  }, []);
  // the card gives way first when the window is narrow: the list never drops below its minimum
  return { width, setWidth, columns: `minmax(${LIST_MIN_WITH_CARD}px, 1fr) 8px minmax(${CARD_MIN}px, ${Math.round(width)}px)` };
}

/** The widest the card may be in a layout this wide. */
export function maxCardWidth(layoutWidth: number): number {
  return Math.max(CARD_MIN, layoutWidth - LIST_MIN_WITH_CARD - 8 - 2 * 4);
}

export function CardSplitter({ width, onWidth }: { width: number; onWidth(w: number): void }) {
  const intl = useIntl();
  const drag = useRef<{ x: number; width: number; max: number } | null>(null);
  const layoutWidth = (el: Element) => el.parentElement?.getBoundingClientRect().width ?? 0;
  const clamp = (w: number, max: number) => Math.min(Math.max(w, CARD_MIN), max);

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width, max: maxCardWidth(layoutWidth(e.currentTarget)) };
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (d) onWidth(clamp(d.width - (e.clientX - d.x), d.max));
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const by = e.key === 'ArrowLeft' ? STEP : e.key === 'ArrowRight' ? -STEP : 0;
    if (!by) return;
    e.preventDefault();
    onWidth(clamp(width + by, maxCardWidth(layoutWidth(e.currentTarget))));
  }
  return (
    <div
      className="card-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={intl.formatMessage({ id: 'density.resize' })}
      aria-valuenow={Math.round(width)}
      aria-valuemin={CARD_MIN}
      title={intl.formatMessage({ id: 'density.resize' })}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
      data-testid="card-splitter"
    />
  );
}
