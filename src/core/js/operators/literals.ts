import type { Candidate, OperatorFn } from '../mutationTypes';
import { parentOf } from '../context';

function candidate(
  operator: Candidate['operator'],
  node: { start: number; end: number },
  original: string,
  replacement: string,
): Candidate {
  return {
    operator,
    start: node.start,
    end: node.end,
    replacement,
    what: `changed \`${original}\` to \`${replacement}\``,
  };
}

/** `0 <-> 1`, `n -> n+1`, `n -> n-1`; results stay non-negative so they remain one token. */
export const literalNumber: OperatorFn = ({ node, source }) => {
  if (node.type !== 'Literal' || typeof node.value !== 'number') return [];
  const value = node.value;
  const original = source.slice(node.start, node.end);
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const next of [value + 1, value - 1]) {
    if (!Number.isFinite(next) || next < 0) continue;
    const text = String(next);
    if (seen.has(text) || text === original || next === value) continue;
    seen.add(text);
    out.push(candidate('literal-number', node, original, text));
  }
  return out;
};

/** `true <-> false`. */
export const literalBoolean: OperatorFn = ({ node }) => {
  if (node.type !== 'Literal' || typeof node.value !== 'boolean') return [];
  const original = String(node.value);
  return [candidate('literal-boolean', node, original, String(!node.value))];
};

/** Non-empty string -> empty (same quotes); empty string -> `'x'`. Directives are left alone. */
export const literalString: OperatorFn = ({ node, source, ancestors }) => {
  if (node.type !== 'Literal' || typeof node.value !== 'string') return [];
  const parent = parentOf(ancestors);
  if (parent?.type === 'ExpressionStatement' && typeof parent.directive === 'string') return [];
  const original = source.slice(node.start, node.end);
  const quote = original[0] === '"' ? '"' : "'";
  const replacement = node.value === '' ? `${quote}x${quote}` : `${quote}${quote}`;
  return [candidate('literal-string', node, original, replacement)];
};
