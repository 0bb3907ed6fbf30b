/**
 * Read-only Monaco views for the trace viewer: one file, and one file's change side by side.
 * Each view owns its editor and models and disposes of them when it goes; its height follows its
 * content, up to a limit past which it scrolls.
 */
import { useEffect, useRef, useState } from 'react';
import { LINE_HEIGHT, VIEW_OPTIONS, languageOf, monaco } from './monaco';

const themeName = (dark: boolean): string => (dark ? 'vs-dark' : 'vs');
const PAD = 6;

/** A label per line number (1-based) from a list, blank where the list has no number. */
const labels =
  (numbers: readonly (number | null)[]) =>
  (line: number): string => {
    const n = numbers[line - 1];
    return n === null || n === undefined ? '' : String(n);
  };

/**
 * The page's theme (`<html data-theme>`, followed as it changes), as Monaco's. Monaco's theme is
 * global: every view sets it to the page's.
 */
function useTheme(): string {
  const read = () => themeName(document.documentElement.dataset.theme === 'dark');
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const watch = new MutationObserver(() => setTheme(read()));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => watch.disconnect();
  }, []);
  useEffect(() => monaco.editor.setTheme(theme), [theme]);
  return theme;
}

/** The height a view's content needs, capped: `track` is given each editor to follow. */
function useContentHeight(maxLines: number) {
  const [height, setHeight] = useState(LINE_HEIGHT * 3);
  const cap = maxLines * LINE_HEIGHT + PAD;
  const track = (editors: monaco.editor.ICodeEditor[]): monaco.IDisposable[] => {
    const update = () =>
      setHeight(Math.min(cap, Math.max(...editors.map((e) => e.getContentHeight())) + PAD));
    update();
    return editors.map((e) => e.onDidContentSizeChange(update));
  };
  return { height, track };
}

export interface CodeViewProps {
  value: string;
  /** The file's path: it picks the colouring. */
  path: string;
  /** Lines to mark and scroll to (1-based, inclusive). */
  highlight?: { start: number; end: number };
  maxLines?: number;
  testId?: string;
}

/** One file, read-only. */
export function CodeView({ value, path, highlight, maxLines = 28, testId }: CodeViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { height, track } = useContentHeight(maxLines);
  const theme = useTheme();
  const start = highlight?.start;
  const end = highlight?.end;
  useEffect(() => {
    const model = monaco.editor.createModel(value, languageOf(path));
    const editor = monaco.editor.create(ref.current!, {
      ...VIEW_OPTIONS,
      ariaLabel: `${path}, read only`,
      model,
      theme,
    });
    const listeners = track([editor]);
    if (start !== undefined && end !== undefined) {
      editor.createDecorationsCollection([
        {
          range: new monaco.Range(start, 1, end, 1),
          options: { isWholeLine: true, className: 'code-focus-line' },
        },
      ]);
      editor.revealLinesInCenter(start, end);
    }
    return () => {
      listeners.forEach((l) => l.dispose());
      editor.dispose();
      model.dispose();
    };
    // The theme follows the page through useTheme; an editor is made again for new content only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, path, start, end]);
  return (
    <div
      ref={ref}
      className="code-view"
      data-testid={testId}
      data-lines={value.split('\n').length}
      style={{ height }}
    />
  );
}

export interface DiffViewProps {
  before: string;
  after: string;
  path: string;
  /**
   * Line numbers of each side when the sides are excerpts (a patch's hunks); without them the
   * sides are whole files, numbered from 1, and unchanged stretches fold away.
   */
  numbers?: { before: (number | null)[]; after: (number | null)[] };
  maxLines?: number;
  testId?: string;
}

/**
 * Keeps `label` as the editor's accessible name. A diff editor's sides need this: Monaco (0.57)
 * sets each side's label again from the options that changed whenever the diff's options are
 * applied (at creation too), and `originalAriaLabel`/`modifiedAriaLabel` given once are lost.
 */
function keepAriaLabel(editor: monaco.editor.ICodeEditor, label: string): monaco.IDisposable {
  const apply = () => {
    if (editor.getOption(monaco.editor.EditorOption.ariaLabel) !== label)
      editor.updateOptions({ ariaLabel: label });
  };
  apply();
  return editor.onDidChangeConfiguration(apply);
}

/** Width (px) under which a diff shows in one column: each side would be under ~370 px. */
const DIFF_INLINE_BELOW = 740;

/** One file's change, side by side (one column where the page is narrow); long lines wrap. */
export function DiffView({ before, after, path, numbers, maxLines = 32, testId }: DiffViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { height, track } = useContentHeight(maxLines);
  const theme = useTheme();
  useEffect(() => {
    const language = languageOf(path);
    const original = monaco.editor.createModel(before, language);
    const modified = monaco.editor.createModel(after, language);
    const diff = monaco.editor.createDiffEditor(ref.current!, {
      ...VIEW_OPTIONS,
      theme,
      originalEditable: false,
      // Side by side while each side keeps ~40 columns of code (the Train page's episodes at
      // 1280 px); narrower (the Episodes page at 800 px), one column. Long lines (a policy's
      // edits run on) wrap, never cut off.
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      renderSideBySideInlineBreakpoint: DIFF_INLINE_BELOW,
      wordWrap: 'on',
      wrappingIndent: 'same',
      diffWordWrap: 'inherit',
      enableSplitViewResizing: false,
      renderOverviewRuler: false,
      hideUnchangedRegions: {
        enabled: !numbers,
        contextLineCount: 3,
        minimumLineCount: 4,
        revealLineCount: 10,
      },
    });
    diff.setModel({ original, modified });
    if (numbers) {
      diff.getOriginalEditor().updateOptions({ lineNumbers: labels(numbers.before) });
      diff.getModifiedEditor().updateOptions({ lineNumbers: labels(numbers.after) });
    }
    const listeners = [
      ...track([diff.getOriginalEditor(), diff.getModifiedEditor()]),
      // Each side named, so a screen reader tells the old code from the new.
      keepAriaLabel(diff.getOriginalEditor(), `${path}, before the change, read only`),
      keepAriaLabel(diff.getModifiedEditor(), `${path}, after the change, read only`),
    ];
    return () => {
      listeners.forEach((l) => l.dispose());
      diff.dispose();
      original.dispose();
      modified.dispose();
    };
    // As CodeView: the theme follows the page without making the editor again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [before, after, path, numbers]);
  return <div ref={ref} className="code-view code-diff" data-testid={testId} style={{ height }} />;
}

export interface CodeEditorProps {
  /** The text the editor starts from (a new value is taken only with a new `key`). */
  initial: string;
  path: string;
  onChange: (text: string) => void;
  highlight?: { start: number; end: number };
  /** What the editor is, for screen readers. */
  label: string;
  maxLines?: number;
  testId?: string;
}

/** What an editable editor says under it: Tab is the browser's, so a keyboard can leave. */
export const LEAVE_EDITOR_HINT = 'Tab and Shift+Tab move out of the editor; indent with spaces.';

/**
 * One file to edit (the Learn page's editing skill): every change goes to `onChange`. Tab moves
 * focus (Monaco's `tabFocusMode`) instead of inserting spaces: otherwise a keyboard that enters
 * the editor cannot leave it (the standalone editor has no Ctrl+M toggle).
 */
export function CodeEditor({
  initial,
  path,
  onChange,
  highlight,
  label,
  maxLines = 30,
  testId,
}: CodeEditorProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { height, track } = useContentHeight(maxLines);
  const theme = useTheme();
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  useEffect(() => {
    const model = monaco.editor.createModel(initial, languageOf(path));
    const editor = monaco.editor.create(ref.current!, {
      ...VIEW_OPTIONS,
      readOnly: false,
      domReadOnly: false,
      tabFocusMode: true,
      ariaLabel: `${label}. ${LEAVE_EDITOR_HINT}`,
      model,
      theme,
    });
    const listeners = [
      ...track([editor]),
      model.onDidChangeContent(() => changed.current(model.getValue())),
    ];
    if (highlight) {
      editor.createDecorationsCollection([
        {
          range: new monaco.Range(highlight.start, 1, highlight.end, 1),
          options: { isWholeLine: true, className: 'code-focus-line' },
        },
      ]);
      editor.revealLinesInCenter(highlight.start, highlight.end);
    }
    return () => {
      listeners.forEach((l) => l.dispose());
      editor.dispose();
      model.dispose();
    };
    // Made once per file: the parent gives a new key to start again from other text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);
  return (
    <>
      <div ref={ref} className="code-view code-editor" data-testid={testId} style={{ height }} />
      <p className="hint code-editor-hint" data-testid={testId && `${testId}-hint`}>
        {LEAVE_EDITOR_HINT}
      </p>
    </>
  );
}
