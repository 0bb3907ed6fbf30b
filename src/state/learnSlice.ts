import type { StateCreator } from 'zustand';
import type { BugCatalog, CatalogProgress, PlayVerdict } from '../protocol/learn';
import type { AppState } from './store';
import { isRecord } from '../core/guards';

/** A check of one answer: going, done (the verdict on the text checked) or failed. */
export type Check =
  | { status: 'checking'; answerText: string }
  | { status: 'done'; answerText: string; verdict: PlayVerdict }
  | { status: 'error'; answerText: string; error: string };

/**
 * The Learn page's play: the bug list, and per task the person's answer text, edited files and
 * last check. Kept across pages; the answers, edits, place and the texts checked also across a
 * reload (a verdict is not stored: the sandbox gives it again as the bug opens; gold answers are
 * asked for again).
 */
export interface LearnState {
  catalog: {
    status: 'idle' | 'loading' | 'ready' | 'error';
    progress: CatalogProgress | null;
    value: BugCatalog | null;
    error: string | null;
  };
  /** Answer text per task id, as the person wrote or made it. */
  answers: Record<string, string>;
  /** Edited files per task id (editing): path to text. */
  edited: Record<string, Record<string, string>>;
  /**
   * How many times edits another tab saved were taken in (followLearnAcrossTabs): an editor
   * starts again from them, rather than show old code and write it back at its next keystroke.
   */
  editsTakenIn: number;
  checks: Record<string, Check>;
  /**
   * The answer texts checked before the page was last loaded, per task id: checked again as
   * their bug opens (recheckSaved), so a reload keeps what each step scored.
   */
  checkedBefore: Record<string, string>;
  /**
   * A test being written in a tests step's form (function picked, arguments, EXPECT), per task
   * id: it waits while the person looks at another step (kept while the app is open).
   */
  testForms: Record<string, TestFormDraft>;
  /** Gold answers the person asked to see, per task id. */
  gold: Record<string, string>;
  /** The bug and step last shown: the page opens there again when its address names none. */
  place: { bug: string; step: string } | null;
}

/** A test being written in the form: the function's index in the task's list, its text fields. */
export interface TestFormDraft {
  fn: number;
  args: string;
  expect: string;
}

export const EMPTY_TEST_FORM: TestFormDraft = { fn: 0, args: '', expect: '' };

export interface LearnSlice {
  learn: LearnState;
  learnActions: {
    catalogLoading: () => void;
    catalogProgress: (progress: CatalogProgress) => void;
    catalogReady: (catalog: BugCatalog) => void;
    /** A failure keeps a list already read. */
    catalogFailed: (error: string) => void;
    setAnswer: (taskId: string, text: string) => void;
    setEdited: (taskId: string, path: string, text: string) => void;
    /** Drops a task's edits and answer: the files as the task gave them. */
    resetEdits: (taskId: string) => void;
    checkStarted: (taskId: string, answerText: string) => void;
    checked: (taskId: string, answerText: string, verdict: PlayVerdict) => void;
    checkFailed: (taskId: string, answerText: string, error: string) => void;
    showGold: (taskId: string, text: string) => void;
    setTestForm: (taskId: string, patch: Partial<TestFormDraft>) => void;
    setPlace: (bug: string, step: string) => void;
  };
}

export const initialLearnState: LearnState = {
  catalog: { status: 'idle', progress: null, value: null, error: null },
  answers: {},
  edited: {},
  editsTakenIn: 0,
  checks: {},
  checkedBefore: {},
  testForms: {},
  gold: {},
  place: null,
};

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

export const createLearnSlice: StateCreator<AppState, [], [], LearnSlice> = (set) => {
  const patch = (p: (s: LearnState) => Partial<LearnState>): void =>
    set((s) => ({ learn: { ...s.learn, ...p(s.learn) } }));
  const catalog = (c: Partial<LearnState['catalog']>): void =>
    patch((s) => ({ catalog: { ...s.catalog, ...c } }));
  return {
    learn: initialLearnState,
    learnActions: {
      catalogLoading: () => catalog({ status: 'loading', progress: null, error: null }),
      catalogProgress: (progress) => catalog({ progress }),
      catalogReady: (value) => catalog({ status: 'ready', value, progress: null }),
      catalogFailed: (error) => catalog({ status: 'error', error, progress: null }),
      setAnswer: (taskId, text) => patch((s) => ({ answers: { ...s.answers, [taskId]: text } })),
      setEdited: (taskId, path, text) =>
        patch((s) => ({
          edited: { ...s.edited, [taskId]: { ...s.edited[taskId], [path]: text } },
        })),
      resetEdits: (taskId) =>
        patch((s) => ({ edited: without(s.edited, taskId), answers: without(s.answers, taskId) })),
      checkStarted: (taskId, answerText) =>
        patch((s) => ({ checks: { ...s.checks, [taskId]: { status: 'checking', answerText } } })),
      checked: (taskId, answerText, verdict) =>
        patch((s) => ({
          checks: { ...s.checks, [taskId]: { status: 'done', answerText, verdict } },
        })),
      checkFailed: (taskId, answerText, error) =>
        patch((s) => ({
          checks: { ...s.checks, [taskId]: { status: 'error', answerText, error } },
        })),
      showGold: (taskId, text) => patch((s) => ({ gold: { ...s.gold, [taskId]: text } })),
      setTestForm: (taskId, p) =>
        patch((s) => ({
          testForms: {
            ...s.testForms,
            [taskId]: { ...EMPTY_TEST_FORM, ...s.testForms[taskId], ...p },
          },
        })),
      setPlace: (bug, step) => patch(() => ({ place: { bug, step } })),
    },
  };
};

/** What of the Learn page survives a reload: the person's answers, edits, place and checks. */
export type SavedLearn = Pick<LearnState, 'answers' | 'edited' | 'place' | 'checkedBefore'>;

export const savedLearn = (s: LearnState): SavedLearn => ({
  answers: s.answers,
  edited: s.edited,
  place: s.place,
  // The texts checked this visit, and those of earlier visits not yet checked again.
  checkedBefore: {
    ...s.checkedBefore,
    ...Object.fromEntries(
      Object.entries(s.checks).flatMap(([id, c]) =>
        c.status === 'done' ? [[id, c.answerText]] : [],
      ),
    ),
  },
});

/** Only text of the expected shape is taken back from storage; anything else is dropped. */
const texts = (v: unknown): Record<string, string> =>
  isRecord(v)
    ? Object.fromEntries(
        Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
    : {};

/** A saved Learn state read back, whatever storage held (absent, older or hand-edited). */
export function restoreLearn(saved: unknown): SavedLearn {
  const v = isRecord(saved) ? saved : {};
  const edited = isRecord(v.edited)
    ? Object.fromEntries(Object.entries(v.edited).map(([id, files]) => [id, texts(files)]))
    : {};
  const place =
    isRecord(v.place) && typeof v.place.bug === 'string' && typeof v.place.step === 'string'
      ? { bug: v.place.bug, step: v.place.step }
      : null;
  return { answers: texts(v.answers), edited, place, checkedBefore: texts(v.checkedBefore) };
}
