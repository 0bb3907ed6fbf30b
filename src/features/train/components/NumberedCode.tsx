import { useEffect, useRef } from 'react';

/**
 * Code as text to read, one line a row, numbered (the numbers are drawn by CSS, so copying the
 * text copies the code alone); the lines `mark` names (1-based, inclusive) are marked, as the
 * editor view marks them, and the view opens scrolled to them.
 */
export function NumberedCode({
  text,
  mark,
  testId,
}: {
  text: string;
  mark?: { start: number; end: number } | undefined;
  testId: string;
}) {
  const box = useRef<HTMLPreElement>(null);
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  const first = mark?.start;
  useEffect(() => {
    const pre = box.current;
    const line = first === undefined ? null : pre?.children[first - 1];
    if (!pre || !(line instanceof HTMLElement)) return;
    pre.scrollTop = Math.max(0, line.offsetTop - pre.offsetTop - 3 * line.offsetHeight);
  }, [first, text]);
  const marked = (n: number) => mark !== undefined && n >= mark.start && n <= mark.end;
  return (
    <pre className="episode-code episode-numbered" data-testid={testId} ref={box}>
      {lines.map((line, i) =>
        marked(i + 1) ? (
          <mark key={i} data-testid={`${testId}-marked`}>
            {line}
          </mark>
        ) : (
          <span key={i}>{line}</span>
        ),
      )}
    </pre>
  );
}
