/**
 * Bug reports written the way users write them: a symptom, a call, what came back and what was
 * expected. They never say where the fault is or how to repair it; that is the agent's job.
 */

/** What the reporter saw: a returned value (JS literal text) or an error message. */
export type ObservedBehaviour =
  { kind: 'value'; text: string } | { kind: 'error'; message: string };

/** Everything an issue may state. */
export interface IssueFacts {
  project: string;
  /** File path of the module that exports `fn`. */
  module: string;
  fn: string;
  /** A call expression, e.g. `clamp(5, 0, 3)`. */
  call: string;
  /** JS literal text of the correct result. */
  expected: string;
  observed: ObservedBehaviour;
}

/** A written issue. */
export interface IssueText {
  title: string;
  body: string;
}

/** The phrasings `writeIssue` chooses from. */
export const ISSUE_STYLES = [
  'user-report',
  'terse',
  'template',
  'assertion',
  'question',
  'regression',
  'downstream',
] as const;

/** One phrasing. */
export type IssueStyle = (typeof ISSUE_STYLES)[number];

/** The source of randomness (a seeded generator; `next()` in [0, 1)). */
export interface IssueRng {
  next(): number;
}

type Choose = <T>(items: readonly T[]) => T;
type Writer = (f: IssueFacts, pick: Choose) => IssueText;

const code = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/** "returns `3`" or "fails with `RangeError: ...`". */
function outcome(f: IssueFacts): string {
  return f.observed.kind === 'value'
    ? `returns ${code(f.observed.text)}`
    : `fails with ${code(f.observed.message)}`;
}

/** The bare observed text, for "Got:" lines. */
function observedText(f: IssueFacts): string {
  return f.observed.kind === 'value' ? f.observed.text : f.observed.message;
}

/** A module path as an import specifier. */
function importPath(module: string): string {
  return module.startsWith('.') || module.startsWith('/') ? module : `./${module}`;
}

const userReport: Writer = (f, pick) => ({
  title: pick(
    f.observed.kind === 'value'
      ? [`${f.fn} returns the wrong result`, `Unexpected result from ${f.fn}`]
      : [`${f.fn} fails on valid input`, `Error from ${f.fn} on a simple call`],
  ),
  body: [
    `${pick(['Hi!', 'Hello,', 'Hey there,'])} I'm using ${code(f.fn)} from ${code(f.module)} in ${f.project} and ran into something odd.`,
    `Calling ${code(f.call)} ${outcome(f)}, but I expected ${code(f.expected)}.`,
    pick(['Could someone take a look?', 'Thanks for the library!', 'Happy to give more details.']),
  ].join('\n\n'),
});

const terse: Writer = (f) => ({
  title:
    f.observed.kind === 'value'
      ? `${f.fn}: wrong result for ${f.call}`
      : `${f.fn}: ${f.call} fails`,
  body: [
    'Repro:',
    '```js',
    `import { ${f.fn} } from '${importPath(f.module)}';`,
    `${f.call};`,
    '```',
    `Expected: ${f.expected}`,
    `Got: ${observedText(f)}`,
  ].join('\n'),
});

const template: Writer = (f, pick) => ({
  title: pick([`[bug] ${f.fn} gives an incorrect result`, `[bug] ${f.fn} misbehaves`]),
  body: [
    '### Describe the bug',
    `${code(f.fn)} in ${code(f.module)} does not return what its documentation promises.`,
    '### Steps to reproduce',
    `1. Import ${code(f.fn)} from ${code(f.module)}.`,
    `2. Call ${code(f.call)}.`,
    '### Expected behavior',
    `It returns ${code(f.expected)}.`,
    '### Actual behavior',
    `It ${outcome(f)}.`,
    '### Environment',
    `- project: ${f.project}`,
  ].join('\n'),
});

const assertion: Writer = (f, pick) => ({
  title: pick([`Failing assertion for ${f.fn}`, `Test failure: ${f.call}`]),
  body: [
    `${pick(['This check fails', 'Our test run reports a failure'])} against ${code(f.module)}:`,
    '',
    '```',
    `expect(${f.call}).toEqual(${f.expected})`,
    '',
    ...(f.observed.kind === 'value'
      ? [`Expected: ${f.expected}`, `Received: ${f.observed.text}`]
      : [`Expected: ${f.expected}`, `Thrown: ${f.observed.message}`]),
    '```',
  ].join('\n'),
});

const question: Writer = (f, pick) => ({
  title:
    f.observed.kind === 'value'
      ? `Is ${f.fn} supposed to return ${f.observed.text} for ${f.call}?`
      : `Why does ${f.call} fail?`,
  body: [
    `${pick(["I'm not sure whether this is intended.", 'Quick question about ' + code(f.fn) + '.'])} ${code(f.call)} ${outcome(f)}.`,
    `From the docs I would expect ${code(f.expected)}. Am I misreading how ${code(f.fn)} works, or is this a bug in ${f.project}?`,
  ].join('\n\n'),
});

const regression: Writer = (f, pick) => ({
  title: pick([`Regression: ${f.fn} returns wrong results`, `${f.fn} broke in the latest version`]),
  body: [
    `After updating ${f.project}, ${code(f.fn)} (${code(f.module)}) no longer gives the result it used to.`,
    '',
    `- Call: ${code(f.call)}`,
    `- Before: ${code(f.expected)}`,
    `- Now: ${f.observed.kind === 'value' ? code(f.observed.text) : `error ${code(f.observed.message)}`}`,
    '',
    'Nothing else is different on our side.',
  ].join('\n'),
});

const downstream: Writer = (f, pick) => ({
  title: `Wrong output from ${f.fn} breaks our reports`,
  body: [
    `We call ${code(f.fn)} from ${code(f.module)} in a nightly data job.`,
    `For ${code(f.call)} it ${outcome(f)} where ${code(f.expected)} is expected, and ${pick(['every total after it is off', 'the job stops there'])}.`,
  ].join(' '),
});

const WRITERS: Readonly<Record<IssueStyle, Writer>> = {
  'user-report': userReport,
  terse,
  template,
  assertion,
  question,
  regression,
  downstream,
};

/**
 * Writes an issue about a misbehaving call in one of several phrasings picked by `rng` (or the
 * given style). It states the symptom, the call, the observed and the expected result, and
 * nothing about the cause: no code location, operator or remedy.
 */
export function writeIssue(
  facts: IssueFacts,
  rng: IssueRng,
  opts: { style?: IssueStyle } = {},
): IssueText {
  const pick: Choose = (items) => {
    const item = items[Math.floor(rng.next() * items.length)];
    if (item === undefined) throw new RangeError('pick needs a non-empty list');
    return item;
  };
  const style = opts.style ?? pick(ISSUE_STYLES);
  return WRITERS[style](facts, pick);
}
