/**
 * Code in the trace viewer: in Monaco (loaded with the first code shown, not with the page) or
 * as text, as the reader chose in the switch; the text stands in while the editor loads and if
 * it fails.
 */
import { errorText } from '../../../protocol/errorText';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useUi, useUiActions } from '../../../state/hooks';

// Monaco comes with the first code shown in the editor, not with the page.
export const PatchFiles = lazy(() =>
  import('./EpisodeCode').then((m) => ({ default: m.PatchFiles })),
);
export const CodeFile = lazy(() => import('./EpisodeCode').then((m) => ({ default: m.CodeFile })));

/** Shows `fallback` (the code as text) when the editor fails to load or to draw. */
class EditorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: string | null }
> {
  override state = { failed: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { failed: errorText(error) };
  }
  override render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <>
        <p className="hint" role="status">
          The editor could not be shown ({this.state.failed}); the code as text:
        </p>
        {this.props.fallback}
      </>
    );
  }
}

/**
 * Code in the editor (Monaco, loaded on first use) or as text, as the reader chose; the text
 * stands in while the editor loads and if it fails.
 */
export function CodeBlock({ editor, text }: { editor: ReactNode; text: ReactNode }) {
  const { codeView } = useUi();
  if (codeView === 'text') return text;
  return (
    <EditorBoundary fallback={text}>
      <Suspense fallback={<p className="hint">Loading the editor…</p>}>{editor}</Suspense>
    </EditorBoundary>
  );
}

/** The reader's choice between the editor and text, for every trace. */
export function CodeViewSwitch() {
  const { codeView } = useUi();
  const { setCodeView } = useUiActions();
  const option = (value: typeof codeView, label: string) => (
    <button
      type="button"
      aria-pressed={codeView === value}
      className={codeView === value ? 'active' : undefined}
      onClick={() => setCodeView(value)}
      data-testid={`code-view-${value}`}
    >
      {label}
    </button>
  );
  return (
    <span className="segmented" role="group" aria-label="Show code">
      Code: {option('editor', 'in the editor')}
      {option('text', 'as text')}
    </span>
  );
}
