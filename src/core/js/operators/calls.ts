import type { Candidate, OperatorFn } from '../mutationTypes';
import { snippet } from '../context';

function pairs(list: readonly [string, string][]): ReadonlyMap<string, string> {
  return new Map(list.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));
}

/** Methods swapped on any receiver. */
const ANY_RECEIVER = pairs([
  ['slice', 'substring'],
  ['push', 'unshift'],
  ['indexOf', 'lastIndexOf'],
  ['some', 'every'],
  ['startsWith', 'endsWith'],
  ['toUpperCase', 'toLowerCase'],
]);
/** Swapped only on `Math`, where the names are unambiguous. */
const MATH_ONLY = pairs([
  ['min', 'max'],
  ['floor', 'ceil'],
]);

/** `a.slice` -> `a.substring`, `Math.min` -> `Math.max` and the other listed method pairs. */
export const methodSwap: OperatorFn = ({ node }) => {
  if (node.type !== 'MemberExpression' || node.computed) return [];
  const property = node.property as { type: string; name?: string; start: number; end: number };
  if (property.type !== 'Identifier' || property.name === undefined) return [];
  const object = node.object as { type: string; name?: string };
  const isMath = object.type === 'Identifier' && object.name === 'Math';
  const swap =
    ANY_RECEIVER.get(property.name) ?? (isMath ? MATH_ONLY.get(property.name) : undefined);
  if (swap === undefined) return [];
  const prefix = isMath ? 'Math.' : '.';
  return [
    {
      operator: 'method-swap',
      start: property.start,
      end: property.end,
      replacement: swap,
      what: `replaced \`${prefix}${property.name}\` with \`${prefix}${swap}\``,
    },
  ];
};

/** The callee's name for descriptions: `f`, `obj.method` or `(...)`. */
function calleeLabel(source: string, callee: { start: number; end: number }): string {
  const text = source.slice(callee.start, callee.end);
  return /^[\w$.]+$/.test(text) ? text : snippet(text, 24);
}

/** Swaps each pair of adjacent arguments of a call or `new` whose texts differ. */
export const swapArguments: OperatorFn = ({ node, source }) => {
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return [];
  const args = node.arguments as { start: number; end: number }[];
  const callee = calleeLabel(source, node.callee as { start: number; end: number });
  const out: Candidate[] = [];
  for (let i = 0; i + 1 < args.length; i++) {
    const a = args[i] as { start: number; end: number };
    const b = args[i + 1] as { start: number; end: number };
    const first = source.slice(a.start, a.end);
    const second = source.slice(b.start, b.end);
    if (first === second) continue;
    out.push({
      operator: 'swap-arguments',
      start: a.start,
      end: b.end,
      replacement: second + source.slice(a.end, b.start) + first,
      what: `swapped the arguments \`${snippet(first, 24)}\` and \`${snippet(second, 24)}\` of \`${callee}\``,
    });
  }
  return out;
};
