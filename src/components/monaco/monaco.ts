/**
 * Monaco, bundled (no CDN): the editor core with the few features a reader needs, JavaScript's
 * syntax colouring, and its one worker (the diff computation), all served from the app's own
 * origin. Imported only by the lazily loaded code views, so a page that shows no code never
 * loads it.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/languages/definitions/javascript/register.js';
// The icon font (folds, the diff's arrows), the diff editor's commands, find (Ctrl+F) and folding.
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/diffEditor/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** Monaco's language for a file path (only JavaScript is coloured; the rest is plain text). */
export function languageOf(path: string): string {
  return /\.(m|c)?jsx?$/.test(path) ? 'javascript' : 'plaintext';
}

/** Shared by every view: read-only, no minimap, the page's font size, sized by its container. */
export const VIEW_OPTIONS = {
  readOnly: true,
  domReadOnly: true,
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 12,
  lineHeight: 18,
  renderLineHighlight: 'none',
  contextmenu: false,
  scrollbar: { alwaysConsumeMouseWheel: false },
} as const;

export const LINE_HEIGHT = VIEW_OPTIONS.lineHeight;

export { monaco };
