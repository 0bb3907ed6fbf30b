import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFiles, diffSnapshots } from './diff';
import { applyPatch } from './patch';
import { createSnapshot } from './snapshot';
import type { Snapshot } from './snapshot';

const PATHS = ['a.js', 'src/b.js', 'src/c/d.js', 'lib/e.txt', 'f'];
// Lines that look like diff syntax once prefixed, CR endings, blanks and repeats.
const TRICKY = [
  '',
  ' ',
  'a',
  'b',
  'foo();',
  '  return x;',
  '}',
  'x\r',
  '@@ x',
  '\\ y',
  'diff --git',
  '+++ q',
  '-',
  '+',
];
// These turn into `--- `/`+++ `/`-- ` lines, which only correct hunk counts can disambiguate.
const COUNT_ONLY = ['-- a', '++ b', '- '];

interface Edit {
  kind: 'insert' | 'delete' | 'replace';
  at: number;
  line: number;
}
interface FileSpec {
  present: boolean;
  lines: number[];
  finalNewline: boolean;
}
interface FilePlan {
  before: FileSpec;
  after: 'keep' | 'delete' | { edits: Edit[]; flipNewline: boolean };
}

const editArb = fc.record({
  kind: fc.constantFrom<Edit['kind']>('insert', 'delete', 'replace'),
  at: fc.nat(40),
  line: fc.nat(1000),
});
const planArb: fc.Arbitrary<FilePlan> = fc.record({
  before: fc.record({
    present: fc.boolean(),
    lines: fc.array(fc.nat(1000), { maxLength: 25 }),
    finalNewline: fc.boolean(),
  }),
  after: fc.oneof(
    fc.constantFrom<'keep' | 'delete'>('keep', 'delete'),
    fc.record({
      edits: fc.array(editArb, { minLength: 1, maxLength: 6 }),
      flipNewline: fc.boolean(),
    }),
  ),
});
const plansArb = fc.array(planArb, { minLength: PATHS.length, maxLength: PATHS.length });

function text(lines: string[], finalNewline: boolean): string {
  return lines.length === 0 ? '' : lines.join('\n') + (finalNewline ? '\n' : '');
}

/** Two snapshots from plans; `name` turns a number into a line (a pool pick, or a unique label). */
function build(
  plans: FilePlan[],
  name: (path: string, n: number, edit: number) => string,
): [Snapshot, Snapshot] {
  const a: Record<string, string> = {};
  const b: Record<string, string> = {};
  plans.forEach((plan, f) => {
    const path = PATHS[f] as string;
    const lines = plan.before.lines.map((n, i) => name(path, n, i));
    if (plan.before.present) a[path] = text(lines, plan.before.finalNewline);
    if (plan.after === 'delete') return;
    if (plan.after === 'keep') {
      if (plan.before.present) b[path] = a[path] as string;
      return;
    }
    const out = plan.before.present ? [...lines] : [];
    plan.after.edits.forEach((e, k) => {
      const line = name(path, e.line, 1000 + k);
      const at = out.length === 0 ? 0 : e.at % out.length;
      if (e.kind === 'insert' || out.length === 0) out.splice(e.at % (out.length + 1), 0, line);
      else if (e.kind === 'delete') out.splice(at, 1);
      else out[at] = line;
    });
    b[path] = text(out, plan.before.finalNewline !== plan.after.flipNewline);
  });
  return [createSnapshot(a), createSnapshot(b)];
}

const pooled = (pool: string[]) => (_: string, n: number) => pool[n % pool.length] as string;
const unique = (path: string, _n: number, i: number) => `${path} line ${i}`;

function expectApplies(a: Snapshot, b: Snapshot, patch: string) {
  const result = applyPatch(a, patch);
  if (!result.ok) throw new Error(`${result.error.message}\n--- patch ---\n${patch}`);
  expect(result.snapshot.toRecord()).toEqual(b.toRecord());
  expect(result.files).toEqual(changedFiles(a, b));
}

/** Rewrites every @@ header; `rewrite` gets the four numbers and returns the new header. */
function rewriteHeaders(patch: string, rewrite: (nums: number[], k: number) => string): string {
  let k = 0;
  return patch.replace(
    /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/gm,
    (_, ...groups: unknown[]) => {
      const nums = groups.slice(0, 4).map((g) => (g === undefined ? 1 : Number(g)));
      return rewrite(nums, k++);
    },
  );
}

describe('applyPatch(a, diffSnapshots(a, b)) = b', () => {
  it('for random snapshots and line edits, at several context sizes', () => {
    fc.assert(
      fc.property(plansArb, fc.constantFrom(0, 1, 3), (plans, context) => {
        const [a, b] = build(plans, pooled([...TRICKY, ...COUNT_ONLY]));
        expectApplies(a, b, diffSnapshots(a, b, { context }));
      }),
      { numRuns: 300 },
    );
  });

  it('when the hunk headers carry wrong or missing counts', () => {
    const counts = fc.array(fc.oneof(fc.nat(50), fc.constant(-1)), {
      minLength: 64,
      maxLength: 64,
    });
    fc.assert(
      fc.property(plansArb, fc.constantFrom(0, 1, 3), counts, (plans, context, wrong) => {
        const [a, b] = build(plans, pooled(TRICKY));
        const patch = rewriteHeaders(diffSnapshots(a, b, { context }), ([os, , ns], k) => {
          const c = wrong[k % 64] ?? 0;
          return c < 0 ? `@@ -${os} +${ns} @@` : `@@ -${os},${c} +${ns},${(c * 7) % 11} @@`;
        });
        expectApplies(a, b, patch);
      }),
      { numRuns: 300 },
    );
  });

  it('when the hunk headers point at the wrong lines', () => {
    const shifts = fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(plansArb, fc.constantFrom(1, 2, 3), shifts, (plans, context, shift) => {
        const [a, b] = build(plans, unique);
        const patch = rewriteHeaders(diffSnapshots(a, b, { context }), ([os, oc, ns, nc], k) => {
          const d = shift[k % 64] ?? 0;
          return `@@ -${Math.max(0, (os ?? 0) + d)},${oc} +${Math.max(0, (ns ?? 0) + d)},${nc} @@`;
        });
        expectApplies(a, b, patch);
      }),
      { numRuns: 300 },
    );
  });
});

/** Context and removed lines of a git diff, with their file and 1-based hunk index. */
function oldSideLines(patch: string) {
  const found: Array<{ index: number; file: string; hunk: number }> = [];
  let file = '';
  let hunk = 0;
  patch.split('\n').forEach((line, index) => {
    const git = /^diff --git a\/(.*) b\//.exec(line);
    if (git) [file, hunk] = [git[1] ?? '', 0];
    else if (line.startsWith('@@')) hunk++;
    else if (hunk > 0 && (line.startsWith(' ') || line.startsWith('-')))
      found.push({ index, file, hunk });
  });
  return found;
}

describe('applyPatch failures', () => {
  it('names the file and hunk of a corrupted context or removed line, and applies nothing', () => {
    fc.assert(
      fc.property(plansArb, fc.constantFrom(1, 3), fc.nat(), (plans, context, pick) => {
        const [a, b] = build(plans, unique);
        const patch = diffSnapshots(a, b, { context });
        const candidates = oldSideLines(patch);
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length] as (typeof candidates)[number];
        const lines = patch.split('\n');
        lines[target.index] = `${(lines[target.index] ?? ' ')[0]}CORRUPTED`;
        const result = applyPatch(a, lines.join('\n'));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error).toMatchObject({
          reason: 'context-mismatch',
          file: target.file,
          hunk: target.hunk,
        });
        expect(result.error.message).toContain('"CORRUPTED"');
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on damaged diffs or random text', () => {
    const damage = fc.array(
      fc.record({ at: fc.nat(), kind: fc.constantFrom('drop', 'dup', 'swap', 'junk') }),
      {
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(plansArb, damage, fc.string(), (plans, damages, junk) => {
        const [a, b] = build(plans, pooled([...TRICKY, ...COUNT_ONLY]));
        const lines = diffSnapshots(a, b).split('\n');
        for (const d of damages) {
          const i = d.at % Math.max(1, lines.length);
          if (d.kind === 'drop') lines.splice(i, 1);
          else if (d.kind === 'dup') lines.splice(i, 0, lines[i] ?? '');
          else if (d.kind === 'junk') lines.splice(i, 0, junk);
          else [lines[0], lines[i]] = [lines[i] ?? '', lines[0] ?? ''];
        }
        for (const text of [lines.join('\n'), junk]) {
          const result = applyPatch(a, text, { fuzz: 2 });
          if (!result.ok) expect(result.error.name).toBe('PatchError');
        }
      }),
      { numRuns: 300 },
    );
  });
});
