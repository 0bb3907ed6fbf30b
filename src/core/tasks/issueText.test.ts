import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { ISSUE_STYLES, writeIssue, type IssueFacts, type IssueStyle } from './issueText';

const VALUE: IssueFacts = {
  project: 'geometry-kit',
  module: 'src/clamp.js',
  fn: 'clamp',
  call: 'clamp(5, 0, 3)',
  expected: '3',
  observed: { kind: 'value', text: '5' },
};
const ERROR: IssueFacts = {
  ...VALUE,
  call: "slug('A b')",
  fn: 'slug',
  expected: "'a-b'",
  observed: { kind: 'error', message: 'TypeError: s.trim is not a function' },
};

/** Words a template could use to hint at the cause or the repair. */
const FORBIDDEN = [
  'change',
  'should use',
  'fix',
  'line',
  'operator',
  'mutat',
  'swap',
  'replace',
  'typo',
  'boundary',
  'guard',
  'condition',
  'negat',
  'remov',
  'off by one',
  'off-by-one',
  '<=',
  '>=',
  '===',
  '!==',
  '&&',
  '||',
  '++',
  '--',
  '+=',
];

/** The issue text with the facts blanked out, so only the template's own words remain. */
function templateWords(text: string, f: IssueFacts): string {
  const facts = [f.call, f.expected, f.module, f.project, f.fn];
  facts.push(f.observed.kind === 'value' ? f.observed.text : f.observed.message);
  let out = text;
  for (const fact of facts.sort((a, b) => b.length - a.length)) out = out.split(fact).join('#');
  return out.toLowerCase();
}

/** A phrase only one style uses, to tell from the text which style was written. */
const MARKERS: Record<IssueStyle, string> = {
  'user-report': "I'm using",
  terse: 'Repro:',
  template: '### Steps to reproduce',
  assertion: '```\nexpect(',
  question: 'Am I misreading',
  regression: '- Before:',
  downstream: 'nightly data job',
};

function styleOf(body: string): IssueStyle[] {
  return ISSUE_STYLES.filter((style) => body.includes(MARKERS[style]));
}

describe('writeIssue', () => {
  it('uses every phrasing across seeds', () => {
    const seen = new Set<IssueStyle>();
    for (let seed = 0; seed < 200; seed++) {
      const found = styleOf(writeIssue(VALUE, createRng(seed)).body);
      expect(found).toHaveLength(1);
      seen.add(found[0]!);
    }
    expect([...seen].sort()).toEqual([...ISSUE_STYLES].sort());
  });

  it('writes the requested style', () => {
    for (const style of ISSUE_STYLES)
      expect(styleOf(writeIssue(ERROR, createRng(1), { style }).body)).toEqual([style]);
  });

  it('is deterministic for a seed', () => {
    for (let seed = 0; seed < 20; seed++)
      expect(writeIssue(ERROR, createRng(seed))).toEqual(writeIssue(ERROR, createRng(seed)));
  });

  it('states the call, the expected and the observed result in every style', () => {
    for (const style of ISSUE_STYLES) {
      for (let seed = 0; seed < 10; seed++) {
        for (const facts of [VALUE, ERROR]) {
          const { title, body } = writeIssue(facts, createRng(seed), { style });
          const text = `${title}\n${body}`;
          expect(text, style).toContain(facts.call);
          expect(body, style).toContain(facts.expected);
          const observed =
            facts.observed.kind === 'value' ? facts.observed.text : facts.observed.message;
          expect(body, style).toContain(observed);
          expect(text, style).toContain(facts.fn);
          expect(title.length).toBeGreaterThan(5);
        }
      }
    }
  });

  it('never hints at the cause, the repair or a code location', () => {
    for (const style of ISSUE_STYLES) {
      for (let seed = 0; seed < 30; seed++) {
        for (const facts of [VALUE, ERROR]) {
          const { title, body } = writeIssue(facts, createRng(seed), { style });
          const words = templateWords(`${title}\n${body}`, facts);
          for (const bad of FORBIDDEN) expect(words, `${style}: ${bad}`).not.toContain(bad);
          expect(words).not.toMatch(/\bl(ine)?\s*\d+/);
        }
      }
    }
  });

  it('keeps facts that contain code characters intact', () => {
    const facts: IssueFacts = {
      ...VALUE,
      call: 'fmt(`a`, [1, 2])',
      expected: "'x <= y'",
      observed: { kind: 'value', text: "'x < y'" },
    };
    const { body } = writeIssue(facts, createRng(3), { style: 'user-report' });
    expect(body).toContain('`` fmt(`a`, [1, 2]) ``');
    expect(body).toContain("`'x <= y'`");
  });
});
