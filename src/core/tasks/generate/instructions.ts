import type { AnalyzedMutant } from '../analyze';

const INTENT: Record<string, string> = {
  arithmetic:
    'uses the wrong arithmetic operator; make it compute what the documentation describes',
  equality: 'tests equality the wrong way round; make the check match the documented behaviour',
  relational:
    'compares with the wrong operator (check the boundary case); make it match the documented behaviour',
  logical: 'combines its conditions with the wrong logical operator',
  'literal-number': 'uses a numeric constant that is off; correct it',
  'literal-boolean': 'uses the wrong boolean constant',
  'literal-string': 'uses the wrong string constant',
  'method-swap': 'calls the wrong method; call the one that does what the documentation says',
  'swap-arguments': 'passes the arguments of a call in the wrong order',
  'wrong-variable': 'uses the wrong variable',
  update: 'steps a counter in the wrong direction',
  assignment: 'updates a value in the wrong direction',
};

/**
 * An explicit edit instruction: names the place (file, function, line) and the intent, never
 * the new text.
 */
export function editInstruction(m: AnalyzedMutant): { title: string; body: string } {
  const where = m.functionName ? `\`${m.functionName}\` in ${m.file}` : m.file;
  const intent = INTENT[m.operator] ?? 'does the wrong thing; make it match the documentation';
  return {
    title: `Edit ${m.functionName ?? m.file}, line ${m.line}`,
    body: `Line ${m.line} of ${where} ${intent}. Change only what is needed there; all tests must pass afterwards.`,
  };
}
