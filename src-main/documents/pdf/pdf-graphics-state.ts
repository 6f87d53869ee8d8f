/**
 * Drops page-content operators that set the graphics state to what it already is. pdfmake
 * sets the line width, dash, joins, caps, stroke colour and opacity before every table rule,
 * and the fill colour and opacity before every word: half of a grade sheet's operators
 * repeated the state in force. Only an operator identical to the last one of its kind in the
 * same state scope is dropped, so what a page draws is unchanged:
 * - `q` saves the state and `Q` restores it (the state tracked here is saved and restored too);
 * - setting a colour space resets that colour (PDF 32000 §8.6.8), so the colour after it is kept;
 * - an ExtGState (`gs`, opacity here) applied twice in a row changes nothing the second time.
 * A new page starts with nothing known. pdfkit writes one operator per call, which is what
 * this reads (an operator's name is its last word).
 *
 * Every operator of a page passes here, so the name is read from its last characters.
 */

const W = 0;
const DASH = 1;
const JOIN = 2;
const CAP = 3;
const GS = 4;
const STROKE_SPACE = 5;
const STROKE_COLOUR = 6;
const FILL_SPACE = 7;
const FILL_COLOUR = 8;
const SLOTS = 9;
const SAVE = -2;
const RESTORE = -3;
const OTHER = -1;

const SPACE = 32;

/** The slot an operator sets, SAVE, RESTORE or OTHER. */
function slotOf(s: string): number {
  const n = s.length;
  switch (s.charCodeAt(n - 1)) {
    case 113: // q
      return n === 1 ? SAVE : OTHER;
    case 81: // Q
      return n === 1 ? RESTORE : OTHER;
    case 119: // w (not Tw)
      return s.charCodeAt(n - 2) === SPACE ? W : OTHER;
    case 100: // d (not Td)
      return s.charCodeAt(n - 2) === SPACE ? DASH : OTHER;
    case 106: // j
      return s.charCodeAt(n - 2) === SPACE ? JOIN : OTHER;
    case 74: // J (not TJ)
      return s.charCodeAt(n - 2) === SPACE ? CAP : OTHER;
    case 115: {
      // gs, cs (not Ts)
      if (s.charCodeAt(n - 3) !== SPACE) return OTHER;
      const c = s.charCodeAt(n - 2);
      return c === 103 ? GS : c === 99 ? FILL_SPACE : OTHER;
    }
    case 83: // CS (not S)
      return s.charCodeAt(n - 3) === SPACE && s.charCodeAt(n - 2) === 67 ? STROKE_SPACE : OTHER;
    case 78: // SCN
      return s.endsWith(' SCN') ? STROKE_COLOUR : OTHER;
    case 110: // scn
      return s.endsWith(' scn') ? FILL_COLOUR : OTHER;
    default:
      return OTHER;
  }
}

export class GraphicsState {
  private current: (string | undefined)[] = new Array<string | undefined>(SLOTS);
  private saved: (string | undefined)[][] = [];

  /** Whether `operator` (one content-stream operator) must be written; updates the state. */
  keep(operator: string): boolean {
    const slot = slotOf(operator);
    if (slot === OTHER) return true;
    if (slot === SAVE) {
      this.saved.push(this.current.slice());
      return true;
    }
    if (slot === RESTORE) {
      this.current = this.saved.pop() ?? new Array<string | undefined>(SLOTS);
      return true;
    }
    if (this.current[slot] === operator) return false;
    this.current[slot] = operator;
    // a colour space resets its colour
    if (slot === STROKE_SPACE || slot === FILL_SPACE) this.current[slot + 1] = undefined;
    return true;
  }
}
