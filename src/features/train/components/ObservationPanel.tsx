import { useState } from 'react';
import type { ObservationView } from '../../../protocol/episodes';
import { useRead } from '../../../components/useRead';

const failed = (reason: string): ObservationView => ({ ok: false, reason });

/** Observation positions an answer's pointer actions chose (`@472:base` points at 472). */
export function pointedPositions(actionLabels: readonly string[]): Map<number, number[]> {
  const pointed = new Map<number, number[]>();
  actionLabels.forEach((label, step) => {
    const m = /^@(\d+):/.exec(label);
    if (!m) return;
    const pos = Number(m[1]);
    pointed.set(pos, [...(pointed.get(pos) ?? []), step + 1]);
  });
  return pointed;
}

const isMarker = (text: string) => text.startsWith('<') && text.endsWith('>');

/**
 * What the policy saw of the task, token by token, read when first opened: each token's text
 * (its vocabulary word and segment on hover), a newline marker as ⏎ and a line break, and the tokens
 * the answer pointed at marked with the decoding steps that chose them.
 */
export function ObservationPanel({
  read,
  actionLabels,
}: {
  read: () => Promise<ObservationView>;
  actionLabels: readonly string[];
}) {
  const [open, setOpen] = useState(false);
  // Read when first opened, and kept when closed.
  const [wanted, setWanted] = useState(false);
  if (open && !wanted) setWanted(true);
  const view = useRead(wanted ? read : null, failed, 'the observation');
  const pointed = pointedPositions(actionLabels);
  return (
    <details
      className="episode-observation"
      data-testid="episode-observation"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>What the policy saw (its observation, rebuilt)</summary>
      {open && !view && <p className="hint">Rebuilding the observation…</p>}
      {view && !view.ok && (
        <p className="hint" data-testid="observation-unavailable">
          {view.reason}
        </p>
      )}
      {view?.ok && (
        <>
          <p className="hint">
            {view.tokens.length} tokens; hover one for its vocabulary word and segment. Marked: the
            tokens this answer pointed at (with the decoding steps that chose them).
          </p>
          {pointed.size > 0 && (
            <p className="hint" data-testid="observation-pointed">
              Pointed at:{' '}
              {[...pointed]
                .sort(([a], [b]) => a - b)
                .map(
                  ([pos, steps]) =>
                    `#${pos} ${view.tokens[pos]?.text ?? '?'} (step ${steps.join(', ')})`,
                )
                .join(' · ')}
            </p>
          )}
          <div className="obs-view" data-testid="observation-tokens">
            {view.tokens.map((t, i) => {
              const steps = pointed.get(i);
              const title = `#${i} · ${t.segment} · ${t.word}${steps ? ` · pointed at by step ${steps.join(', ')}` : ''}`;
              const newline = t.text === '<nl>';
              return (
                <span
                  key={i}
                  title={title}
                  data-pos={i}
                  className={[
                    'obs-tok',
                    `obs-${t.segment}`,
                    isMarker(t.text) ? 'obs-marker' : '',
                    steps ? 'obs-pointed' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                >
                  {newline ? '⏎' : t.text}
                  {steps && <sup>{steps.join(',')}</sup>}
                  {newline && '\n'}
                </span>
              );
            })}
          </div>
        </>
      )}
    </details>
  );
}
