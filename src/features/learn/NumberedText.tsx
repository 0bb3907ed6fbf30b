import { useEffect, useRef } from 'react';

/** Lines to mark, 1-based and inclusive (where the task points). */
export interface MarkedLines {
  start: number;
  end: number;
}

/**
 * The code as plain text to edit, with line numbers in a margin that scrolls with it and the
 * lines the task points to marked there ("▸"), as the editor view marks them. Lines do not wrap,
 * so each number stays beside its line. Opens scrolled to the marked lines.
 */
export function NumberedText({
  value,
  onChange,
  mark,
  label,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  mark?: MarkedLines;
  label: string;
  testId: string;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const count = value.split('\n').length;
  const marked = (n: number) => mark !== undefined && n >= mark.start && n <= mark.end;
  const first = mark?.start;
  useEffect(() => {
    const el = area.current;
    if (!el || first === undefined) return;
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 0;
    el.scrollTop = Math.max(0, (first - 4) * lineHeight);
    if (gutter.current) gutter.current.scrollTop = el.scrollTop;
  }, [first]);
  return (
    <div className="learn-numbered">
      <div
        className="learn-gutter"
        aria-hidden="true"
        ref={gutter}
        data-testid={`${testId}-gutter`}
      >
        {Array.from({ length: count }, (_, i) => (
          <span key={i} className={marked(i + 1) ? 'marked' : undefined}>
            {marked(i + 1) ? `▸${i + 1}` : i + 1}
          </span>
        ))}
      </div>
      <textarea
        ref={area}
        className="learn-code-text"
        aria-label={label}
        data-testid={testId}
        spellCheck={false}
        wrap="off"
        rows={Math.min(30, count + 1)}
        // A paste gone wrong stops here (the corpus's files are a few thousand characters).
        maxLength={Math.max(200_000, value.length)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}

/** "line 45" or "lines 45-47", as the hint names the lines the task points to. */
export const focusLines = (start: number, end: number | undefined): string =>
  end !== undefined && end > start ? `lines ${start}-${end}` : `line ${start}`;
