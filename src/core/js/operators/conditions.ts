import type { OperatorFn } from '../mutationTypes';
import { snippet } from '../context';

const CONDITIONAL = new Set([
  'IfStatement',
  'WhileStatement',
  'DoWhileStatement',
  'ConditionalExpression',
]);

/** Wraps the condition of an if, while, do-while or ternary as `!(c)`. */
export const negateCondition: OperatorFn = ({ node, source }) => {
  if (!CONDITIONAL.has(node.type)) return [];
  const test = node.test as { start: number; end: number };
  const text = source.slice(test.start, test.end);
  return [
    {
      operator: 'negate-condition',
      start: test.start,
      end: test.end,
      replacement: `!(${text})`,
      what: `negated the condition \`${snippet(text)}\``,
    },
  ];
};
