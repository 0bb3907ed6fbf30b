import {
  createContext,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { isMoveKey, stepIndex } from './rovingFocus';

/** One cell's facts: which cell (its test id) and what to say of it. */
interface Facts {
  key: string;
  text: string;
}

export interface FactsScope {
  lineId: string;
  shownKey: string | null;
  shownText: string | null;
  /** Shows a cell's facts while it is hovered or focused. */
  enter: (facts: Facts) => void;
  leave: (key: string) => void;
  /** A click or tap keeps them shown (touch has no hover); again, and they go. */
  toggle: (facts: Facts) => void;
  /** The cell keyboard focus last rested on: the table's one tab stop. */
  rest: (key: string) => void;
  /** A shown cell's facts changed (another grid, same cell): the line follows. */
  refresh: (facts: Facts) => void;
}

const Scope = createContext<FactsScope | null>(null);

const SELECTOR = 'button[data-facts-key]';
const buttonsIn = (root: Element | null): HTMLButtonElement[] =>
  root ? [...root.querySelectorAll<HTMLButtonElement>(SELECTOR)] : [];

/** The cell button an arrow key (or Home, End) moves to from `from`, or null at an edge. */
function moveTo(from: HTMLButtonElement, key: string): HTMLButtonElement | null {
  const cell = from.closest<HTMLTableCellElement>('td, th');
  const row = cell?.parentElement as HTMLTableRowElement | null;
  const table = row?.closest('table');
  if (!cell || !row || !table) return null;
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    // The nearest row above or below with a cell to read in this column (blank cells are skipped).
    const rows = [...table.rows];
    const step = key === 'ArrowUp' ? -1 : 1;
    for (let i = rows.indexOf(row) + step; i >= 0 && i < rows.length; i += step) {
      const found = rows[i]!.cells[cell.cellIndex]?.querySelector<HTMLButtonElement>(SELECTOR);
      if (found) return found;
    }
    return null;
  }
  const inRow = buttonsIn(row);
  const to = stepIndex(key, inRow.indexOf(from), inRow.length, false);
  return to === null ? null : inRow[to]!;
}

const MOVES = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];

/** What a facts scope gives the element that holds its cells and the line that tells them. */
export interface CellFactsHandle<E extends HTMLElement> {
  /** For the element that holds the cells (their buttons are looked up in it). */
  root: RefObject<E | null>;
  onKeyDown: (e: KeyboardEvent<E>) => void;
  /** The line's element id (the focused cell's button is described by it). */
  lineId: string;
  /** The text the line shows: the picked cell's facts, or null while none is picked. */
  shownText: string | null;
  /** For FactsProvider, around the cells. */
  scope: FactsScope;
}

/** Puts the cells' buttons (FactsButton) in touch with a useCellFacts scope. */
export function FactsProvider({ scope, children }: { scope: FactsScope; children: ReactNode }) {
  return <Scope.Provider value={scope}>{children}</Scope.Provider>;
}

/**
 * The state of cells that tell their facts in a line (see CellFacts), for a holder that places
 * the line itself (e.g. a table row whose first cell says what its other cells are).
 */
export function useCellFacts<E extends HTMLElement>(): CellFactsHandle<E> {
  const lineId = useId();
  const root = useRef<E>(null);
  const resting = useRef<string | null>(null);
  const [pinned, setPinned] = useState<Facts | null>(null);
  const [passing, setPassing] = useState<Facts | null>(null);
  const shown = passing ?? pinned;
  // One tab stop: the cell focus last rested on while it is still there, else the first.
  const rove = () => {
    const buttons = buttonsIn(root.current);
    const stop = buttons.find((b) => b.dataset.factsKey === resting.current) ?? buttons[0];
    for (const b of buttons) b.tabIndex = b === stop ? 0 : -1;
  };
  useLayoutEffect(rove);
  const scope: FactsScope = {
    lineId,
    shownKey: shown?.key ?? null,
    shownText: shown?.text ?? null,
    enter: setPassing,
    leave: (key) => setPassing((p) => (p?.key === key ? null : p)),
    toggle: (facts) => {
      const again = pinned?.key === facts.key;
      setPinned(again ? null : facts);
      setPassing(again ? null : facts);
    },
    rest: (key) => {
      resting.current = key;
      rove();
    },
    refresh: (facts) => {
      const renew = (f: Facts | null) => (f?.key === facts.key ? facts : f);
      setPinned(renew);
      setPassing(renew);
    },
  };
  const onKeyDown = (e: KeyboardEvent<E>) => {
    if (e.key === 'Escape' && shown) {
      setPinned(null);
      setPassing(null);
      return;
    }
    const from = e.target as HTMLElement;
    if (!isMoveKey(e, MOVES) || !from.matches(SELECTOR)) return;
    const to = moveTo(from as HTMLButtonElement, e.key);
    e.preventDefault();
    to?.focus();
  };
  return { root, onKeyDown, lineId, shownText: shown?.text ?? null, scope };
}

/**
 * A table whose cells tell their facts (how many test tasks, how the ± was taken, caveats) in a
 * line under it, not only in a tooltip: for the cell hovered or focused, or the one clicked or
 * tapped until Escape or a second tap. The cells are one tab stop that the arrow keys move
 * through, and the focused cell's button is described by the line.
 */
export function CellFacts({
  prompt,
  testId,
  children,
}: {
  /** What the line says while no cell is picked: how to pick one. */
  prompt: string;
  testId: string;
  children: ReactNode;
}) {
  const { root, onKeyDown, lineId, shownText, scope } = useCellFacts<HTMLDivElement>();
  return (
    <div className="cell-facts-scope" ref={root} onKeyDown={onKeyDown}>
      <FactsProvider scope={scope}>{children}</FactsProvider>
      <p id={lineId} className="hint cell-facts" data-testid={testId}>
        {shownText ?? prompt}
      </p>
    </div>
  );
}

/**
 * A cell's content as a button that shows its facts in the table's line (see CellFacts); plain
 * content outside a CellFacts.
 */
export function FactsButton({
  factsKey,
  facts,
  children,
}: {
  factsKey: string;
  facts: string;
  children: ReactNode;
}) {
  const scope = useContext(Scope);
  const shown = scope?.shownKey === factsKey;
  const stale = shown && scope.shownText !== facts;
  useEffect(() => {
    if (stale) scope.refresh({ key: factsKey, text: facts });
  }, [stale, scope, factsKey, facts]);
  if (!scope) return <>{children}</>;
  const mine = { key: factsKey, text: facts };
  return (
    <button
      type="button"
      className={shown ? 'cell-facts-button shown' : 'cell-facts-button'}
      data-facts-key={factsKey}
      tabIndex={-1}
      aria-describedby={shown ? scope.lineId : undefined}
      onFocus={() => {
        scope.rest(factsKey);
        scope.enter(mine);
      }}
      onBlur={() => scope.leave(factsKey)}
      onMouseEnter={() => scope.enter(mine)}
      onMouseLeave={(e) => {
        // Still focused: its facts stay until focus moves on.
        if (document.activeElement !== e.currentTarget) scope.leave(factsKey);
      }}
      onClick={() => scope.toggle(mine)}
    >
      {children}
    </button>
  );
}
