import type { OperatorFn } from '../mutationTypes';
import { arithmetic, assignment, equality, logical, relational, update } from './binary';
import { methodSwap, swapArguments } from './calls';
import { negateCondition } from './conditions';
import { literalBoolean, literalNumber, literalString } from './literals';
import { removeGuard, removeStatement } from './statements';
import { wrongVariable } from './variables';

/** Every operator family, applied to each node of the module. */
export const OPERATORS: readonly OperatorFn[] = [
  arithmetic,
  equality,
  relational,
  logical,
  negateCondition,
  literalNumber,
  literalBoolean,
  literalString,
  methodSwap,
  swapArguments,
  removeGuard,
  removeStatement,
  wrongVariable,
  update,
  assignment,
];
