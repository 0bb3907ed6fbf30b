import { useState, type KeyboardEvent } from 'react';
import type { EpisodeSummary } from '../../../protocol/episodes';
import { KIND_LABELS } from '../../../core/tasks/types';
import { formatValue } from './format';
import { isMoveKey, stepIndex } from '../../../components/rovingFocus';
import { TableScroll } from '../../../components/TableScroll';

/** Rows a list shows at first, and adds at each "show more". */
export const PAGE_ROWS = 100;

/**
 * An answer in one line for the list: each step's first line (a composite's FILES or TEST step,
 * then its edits), "…" where a step has more.
 */
export function answerPreview(text: string): string {
  return text
    .split(/\n---\n/)
    .map((step) => {
      const lines = step.split('\n').filter((l) => l.trim() !== '');
      return lines.length > 1 ? `${lines[0]} …` : (lines[0] ?? '');
    })
    .join(' · ');
}

const MOVES = ['ArrowUp', 'ArrowDown', 'Home', 'End'];

/** Up and Down (Home, End) move the focus between the rows' buttons; Enter opens one. */
function onRowsKey(e: KeyboardEvent<HTMLTableSectionElement>): void {
  if (!isMoveKey(e, MOVES)) return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.episode-open')];
  const at = buttons.indexOf(e.target as HTMLButtonElement);
  if (at < 0) return;
  const to = stepIndex(e.key, at, buttons.length, false);
  e.preventDefault();
  if (to !== null) buttons[to]!.focus();
}

/**
 * A batch's answers as rows (the ones shown of `total` that match the filters): a click on a
 * row opens or closes its trace; "show more" adds a page. The rows are one Tab stop (the row
 * last focused, else the open one, else the first) that the arrow keys move through.
 */
export function EpisodeList({
  visible,
  total,
  evaluation,
  openId,
  onToggle,
  onMore,
}: {
  visible: readonly EpisodeSummary[];
  total: number;
  /** An evaluation's answers (a task's Avg@k samples), not a training step's groups. */
  evaluation: boolean;
  openId: number | null;
  onToggle: (id: number) => void;
  onMore: () => void;
}) {
  const [rest, setRest] = useState<number | null>(null);
  const stop = [rest, openId].find((id) => visible.some((e) => e.id === id)) ?? visible[0]?.id;
  return (
    <TableScroll box="episode-list-box">
      <table className="table episode-list" data-testid="episode-list">
        <thead>
          <tr>
            <th scope="col">{evaluation ? 'task' : 'group'}</th>
            <th scope="col" className="col-skill">
              skill
            </th>
            <th scope="col">answer</th>
            <th scope="col">reward</th>
            {!evaluation && <th scope="col">advantage</th>}
          </tr>
        </thead>
        <tbody onKeyDown={onRowsKey}>
          {visible.map((e) => (
            // The whole row opens the trace; its button is the way in by keyboard (a click on
            // it reaches the row).
            <tr
              key={e.id}
              data-testid="episode-row"
              data-episode-id={e.id}
              aria-selected={openId === e.id}
              className={openId === e.id ? 'episode-row selected' : 'episode-row'}
              onClick={() => onToggle(e.id)}
            >
              <td className="num">
                {e.groupIndex + 1}.{e.sampleIndex + 1}
              </td>
              <td className="col-skill">{KIND_LABELS[e.kind]}</td>
              <td>
                <button
                  type="button"
                  className="link-button episode-open"
                  title={`${e.taskId}: open its trace`}
                  aria-expanded={openId === e.id}
                  tabIndex={e.id === stop ? 0 : -1}
                  onFocus={() => setRest(e.id)}
                >
                  <code>{answerPreview(e.answerText)}</code>
                </button>
                {e.truncated && (
                  <span
                    className="badge episode-cut"
                    title="The decoder stopped at its step limit (model.maxActLen) with a step unfinished"
                  >
                    cut short
                  </span>
                )}
              </td>
              <td className="num">{e.reward}</td>
              {!evaluation && <td className="num">{formatValue(e.advantage, 2)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length < total && (
        <button type="button" className="link-button" data-testid="episodes-more" onClick={onMore}>
          show {Math.min(PAGE_ROWS, total - visible.length)} more ({visible.length} of {total}{' '}
          shown)
        </button>
      )}
    </TableScroll>
  );
}
