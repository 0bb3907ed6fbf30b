import { isRecord } from '../core/guards';
import { withSetItem } from './withSetItem';

/**
 * The app's saved state is one localStorage key that every open tab of the app writes (zustand's
 * persist writes a tab's whole state at each change). Written as is, a tab would write its stale
 * copy of everything another tab changed since it loaded (a theme, a device check, answers), and
 * a tab that takes another's answers would write them back to it, and so on for ever.
 *
 * So each write is merged, three ways, with what is saved now: of each value (each setting, each
 * task's answer...) the tab writes its own only where it changed it since its last write; the
 * rest is kept as saved. And what a tab takes from another (`adopt`) is not written at all: it is
 * the saved state already.
 */
export interface SharedSave {
  /** `storage` for persist: reads and writes `key` as above, other keys as they are. */
  wrap(storage: Storage): Storage;
  /** Runs `apply`, a change taken from the saved state: its write is skipped. */
  adopt(apply: () => void): void;
  /** The tab's state as it was read at its load (what it changes is measured from it). */
  loaded(state: unknown): void;
}

interface Saved {
  state?: unknown;
  [field: string]: unknown;
}

const parse = (text: string | null): Saved | null => {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
};

/** Whether two JSON values are the same (key order aside). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => same(x, b[i]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && same(a[k], b[k]));
}

/**
 * `mine` merged into `theirs` against `base`, what mine was before: an object is merged key by
 * key; any other value is mine if I changed it, else theirs (undefined: absent, or removed).
 */
export function merge3(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (isRecord(mine) && isRecord(theirs) && (base === undefined || isRecord(base))) {
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const v = merge3(base?.[k], mine[k], theirs[k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  return same(mine, base) ? theirs : mine;
}

export function sharedSave(key: string): SharedSave {
  // What this tab holds as saved (read at its load, written, or taken since): what "changed"
  // is measured from.
  let base: unknown = undefined;
  let adopting = false;
  return {
    loaded(state) {
      // As it would be written (JSON: no undefined fields), to compare with what is.
      base = JSON.parse(JSON.stringify(state)) as unknown;
    },
    adopt(apply) {
      adopting = true;
      try {
        apply();
      } finally {
        adopting = false;
      }
    },
    wrap: (storage) =>
      withSetItem(storage, (k, text) => {
        const mine = k === key ? parse(text) : null;
        if (!mine) return storage.setItem(k, text);
        if (adopting) {
          base = mine.state;
          return;
        }
        const saved = parse(storage.getItem(k));
        const state = saved ? merge3(base, mine.state, saved.state) : mine.state;
        // Thrown (the quota), base stays: the next write carries this one's changes too.
        storage.setItem(k, JSON.stringify({ ...mine, state }));
        base = mine.state;
      }),
  };
}
