import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../node/scratchDir';
import { loadConfig } from './train';

/** `npm run lab -- ...args` as a user runs it (through tsx), from the repository root. */
function lab(...args: string[]) {
  return labFrom(process.cwd(), ...args);
}

/** The same, typed in folder `from` (npm hands it over as INIT_CWD; the command runs here). */
function labFrom(from: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lab.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, INIT_CWD: from },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scratch = () => scratchDir('lab-cli');

// Each test starts several `lab` processes (a few seconds each through tsx, many more on a
// loaded machine): what is checked is what they say, not how fast.
describe('npm run lab: refusals before any work', { timeout: 120_000 }, () => {
  it('prints help (exit 0) for --help, alone or after a command, and never runs the command', () => {
    const all = lab('--help');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^usage: npm run -s lab -- <command>/);
    const out = join(scratch(), 'grid');
    const one = lab('experiment', '--help', '--out', out);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(
      /^usage: npm run -s lab -- experiment \[--grid paper\|interference: paper when absent\]/,
    );
    expect(() => readFileSync(join(out, 'results.json'))).toThrow();
    expect(lab('nonsense').code).toBe(2);
    // Each command's help names --json; --version names the build.
    expect(lab('eval', '--help').stdout).toMatch(/\[--json: the result as one JSON object/);
    const version = lab('--version');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^atomic-skills-lab \d+\.\d+\.\d+ \(build [0-9a-f]{12}\)\n$/);
    expect(JSON.parse(lab('--version', '--json').stdout)).toMatchObject({
      name: 'atomic-skills-lab',
      buildId: expect.stringMatching(/^[0-9a-f]{12}$/) as unknown,
    });
    // After a command it is an option that command does not take: nothing runs.
    const stray = lab('validate', 'x.jsonl', '--version');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(
      /^error: validate: unknown option --version; .*\n\(npm run lab -- validate --help: its usage\)\n$/,
    );
  });

  it('refuses to scatter a run or an experiment among files it did not write', () => {
    const dir = scratch();
    // Hidden files are not in the way (a folder holding only .DS_Store is empty to its user).
    writeFileSync(join(dir, '.DS_Store'), '');
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    const run = lab('train', '--config', 'quick', '--suite', 'quick', '--out', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: --out .* holds other files \(notes\.txt\): give a new or empty folder for the run, or add --force/,
    );
    // The error, and where the usage is, not the usage itself.
    expect(run.stderr).toMatch(/\n\(npm run lab -- train --help: its usage\)\n$/);
    const grid = lab('experiment', '--config', 'quick', '--out', dir);
    expect(grid.stderr).toMatch(
      /holds other files \(notes\.txt\): give a new or empty folder for the experiment/,
    );
    const file = lab('train', '--config', 'quick', '--out', join(dir, 'notes.txt'));
    expect(file.stderr).toMatch(/notes\.txt is a file: give a folder for the run/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('refuses an option the command does not take, naming the ones it does', () => {
    const r = lab('train', '--config', 'quick', '--out', join(scratch(), 'run'), '--step=1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/train: unknown option --step; it takes --config, --out/);
  });

  it('refuses words a command does not take, and a bad --skills before reading the suite', () => {
    const stray = lab('train', 'stray', '--config', 'quick', '--out', join(scratch(), 'run'));
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/train: unexpected argument "stray" \(usage: train --config/);
    const extra = lab('validate', 'a.jsonl', 'b.jsonl');
    expect(extra.stderr).toMatch(/validate: unexpected argument "b\.jsonl"/);
    // The built-in suite is not built (that takes many minutes) for a typo in --skills.
    const typo = lab('eval', '--policy', 'oracle', '--suite', 'builtin:test', '--skills', 'edting');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown skill "edting"/);
    expect(typo.stderr).not.toMatch(/building built-in suite|valid tasks from/);
  });

  it('keeps a file already at --out unless told, and checks --out’s folder first', () => {
    const dir = scratch();
    const kept = join(dir, 'prompts.jsonl');
    writeFileSync(kept, 'mine\n');
    for (const argv of [
      ['prompts', '--suite', 'x.jsonl', '--out', kept],
      ['suite', 'export', '--out', kept],
      ['bundle', '--run', dir, '--out', kept],
    ]) {
      const r = lab(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        /prompts\.jsonl exists already: choose another --out, or add --force/,
      );
    }
    expect(readFileSync(kept, 'utf8')).toBe('mine\n');
    const nowhere = lab('bundle', '--run', dir, '--out', join(dir, 'none', 'b.json'));
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/the folder .*none does not exist/);
  });

  it('train: needs --config, keeps an existing run unless told, never mixes --config with --resume', () => {
    const dir = scratch();
    expect(lab('train', '--out', join(dir, 'a')).stderr).toMatch(/--config is required/);
    const run = join(dir, 'run');
    mkdirSync(run);
    writeFileSync(join(run, 'metrics.jsonl'), 'earlier\n');
    const again = lab('train', '--config', 'quick', '--out', run);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /holds a run already \(metrics\.jsonl\): continue it with --resume/,
    );
    expect(readFileSync(join(run, 'metrics.jsonl'), 'utf8')).toBe('earlier\n');
    const mixed = lab('train', '--out', run, '--resume', '--config', 'joint-rl');
    expect(mixed.stderr).toMatch(/--config cannot be given with --resume/);
    expect(lab('train', '--out', join(dir, 'empty'), '--resume').stderr).toMatch(
      /empty does not exist/,
    );
    mkdirSync(join(dir, 'plain'));
    expect(lab('eval', '--policy', join(dir, 'plain'), '--suite', 'x.jsonl').stderr).toMatch(
      /holds no checkpoint\.json: it is not a run directory/,
    );
    // A run resumes on its own seed (review 41cli F3).
    expect(lab('train', '--out', run, '--resume', '--seed', '7').stderr).toMatch(
      /--seed cannot be given with --resume: a run resumes with its own seed/,
    );
  });

  it('train --force keeps the old run when the new one cannot start (review 41cli F1, F2)', () => {
    const run = join(scratch(), 'run');
    mkdirSync(run);
    writeFileSync(join(run, 'metrics.jsonl'), 'earlier\n');
    writeFileSync(join(run, 'eval.json'), '{}');
    const force = (...more: string[]) =>
      lab('train', '--config', 'quick', '--out', run, '--force', ...more);
    const badSuite = force('--suite', join(run, 'no-such-suite.jsonl'));
    expect(badSuite.code).toBe(2);
    expect(badSuite.stderr).toMatch(/no-such-suite\.jsonl/);
    const badSteps = force('--steps', '200000');
    expect(badSteps.code).toBe(2);
    expect(badSteps.stderr).toMatch(
      /invalid training config: steps must be a whole number from 0 to 100,000; nothing was done/,
    );
    const badModel = join(run, 'heads.json');
    writeFileSync(badModel, JSON.stringify({ extends: 'quick', model: { heads: 3 } }));
    expect(lab('train', '--config', badModel, '--out', run, '--force').stderr).toMatch(
      /heads\.json: model\.dModel \(\d+\) must be a multiple of model\.heads \(3\)/,
    );
    expect(readFileSync(join(run, 'metrics.jsonl'), 'utf8')).toBe('earlier\n');
    expect(readFileSync(join(run, 'eval.json'), 'utf8')).toBe('{}');
  });

  it('a switch never takes the next word; an empty --out and a seed over 32 bits are refused (review 41cli F9, F15, F19)', () => {
    // --json before the file: the file is still the file (not --json's value).
    const missing = lab('validate', '--json', join(scratch(), 'none.jsonl'));
    expect(missing.stderr).not.toMatch(/validate <file/);
    expect(missing.stderr).toMatch(/none\.jsonl/);
    expect(lab('validate', '--json=yes', 'x.jsonl').stderr).toMatch(/--json takes no value/);
    expect(
      lab('eval', '--policy', 'oracle', '--suite', 'quick', '--seed', '4294967297').stderr,
    ).toMatch(/--seed must be a whole number from 0 to 4294967295 \(seeds are 32 bits\)/);
    const empty = lab('train', '--config', 'quick', '--out=');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--out is empty: give it a value/);
  });

  it('experiment: unknown baselines and an existing experiment are refused', () => {
    const dir = scratch();
    const bogus = lab('experiment', '--only', 'joint-rl,bogus', '--out', dir);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(
      /--only: unknown baseline bogus; the paper grid's baselines are untrained,/,
    );
    // The interference grid has no untrained or composite-only run, and matched runs instead.
    const notThere = lab(
      'experiment',
      '--grid',
      'interference',
      '--only',
      'untrained',
      '--out',
      dir,
    );
    expect(notThere.stderr).toMatch(
      /unknown baseline untrained; the interference grid's baselines are warm-start, joint-rl, .*matched-review$/m,
    );
    // Every run's config is checked before anything trains: a skill the joint mix leaves out
    // has no matched run.
    const noEditing = join(dir, 'no-editing.json');
    writeFileSync(noEditing, '{"extends": "joint-rl", "mix": {"editing": 0}}');
    const refused = lab(
      'experiment',
      '--grid',
      'interference',
      '--config',
      noEditing,
      '--only',
      'matched-review,matched-editing',
      '--out',
      join(dir, 'nothing'),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^error: matched-editing: skill mix: every skill trained on has weight 0.*; nothing was trained$/m,
    );
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
    expect(lab('experiment', '--grid', 'skills', '--out', dir).stderr).toMatch(
      /--grid must be "paper" or "interference", got "skills"/,
    );
    writeFileSync(join(dir, 'results.json'), '{}');
    const again = lab('experiment', '--only', 'untrained', '--out', dir);
    expect(again.stderr).toMatch(/holds an experiment already \(results\.json\)/);
    // --force adds runs only to an experiment trained the same way: the whole base config,
    // suite, backend and warm start, not just the config's name and seed.
    const earlier = {
      base: 'joint-rl',
      seed: 1,
      backend: 'wasm',
      config: { ...loadConfig('joint-rl'), learningRate: 0.002 },
      suite: 'the built-in suite, seed 1',
      warmStart: '/elsewhere/warm-start',
      runs: { 'joint-rl': { scores: {}, seconds: 1, steps: 200 } },
    };
    const results = JSON.stringify(earlier);
    const grid = join(dir, 'grid');
    mkdirSync(grid);
    writeFileSync(join(grid, 'results.json'), results);
    const mixed = lab('experiment', '--only', 'single-editing', '--out', grid, '--force');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain(
      `holds an experiment trained otherwise (learningRate 0.002 there, 0.001 here; RL runs forked from the warm start in /elsewhere/warm-start there, <out>/warm-start here); choose another --out`,
    );
    expect(readFileSync(join(grid, 'results.json'), 'utf8')).toBe(results);
    expect(existsSync(join(grid, 'single-editing'))).toBe(false);
  });

  it('suite export refuses a directory as --out and an unknown split at once', () => {
    const dir = scratch();
    expect(lab('suite', 'export', '--split', 'test', '--out', dir).stderr).toMatch(
      /is a directory; give a file path/,
    );
    expect(lab('suite', 'export', '--split', 'dev', '--out', join(dir, 'a.jsonl')).stderr).toMatch(
      /--split must be train, val, test or all, got "dev"/,
    );
  });
});

describe('npm run lab: exit codes say whether it worked', { timeout: 120_000 }, () => {
  it('sandbox exits 1 when a test fails, 0 when all pass', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'ok.test.js'), "test('adds', () => expect(1 + 1).toBe(2));\n");
    expect(lab('sandbox', dir).code).toBe(0);
    writeFileSync(join(dir, 'bad.test.js'), "test('wrong', () => expect(1 + 1).toBe(3));\n");
    const failed = lab('sandbox', dir, '--json');
    expect(failed.code).toBe(1);
    const last = JSON.parse(failed.stdout.trim().split('\n').at(-1)!) as { verdict: string };
    expect(last.verdict).toBe('fail');
  });

  it('reads a relative path from the folder npm was run in, not the package folder', () => {
    const dir = scratch();
    const tests = join(dir, 'here');
    mkdirSync(tests);
    writeFileSync(join(tests, 'ok.test.js'), "test('adds', () => expect(1 + 1).toBe(2));\n");
    const there = labFrom(dir, 'sandbox', 'here', '--json');
    expect(there.code).toBe(0);
    expect(JSON.parse(there.stdout.trim().split('\n').at(-1)!)).toMatchObject({ verdict: 'pass' });
    // From the package folder the same relative path names nothing.
    expect(lab('sandbox', 'here').code).not.toBe(0);
  });

  it('eval refuses a suite file with unreadable lines; validate fails on a file without tasks', () => {
    const dir = scratch();
    const garbage = join(dir, 'garbage.jsonl');
    writeFileSync(garbage, 'not json\n{"also": "not a task"}\n');
    const r = lab('eval', '--policy', 'oracle', '--suite', garbage);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 unreadable line\(s\), e\.g\. line 1.*nothing was evaluated/);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const v = lab('validate', empty);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/no tasks/);
    expect(lab('eval', '--policy', 'oracle', '--suite', garbage, '--samples', '0').stderr).toMatch(
      /--samples must be a whole number of at least 1, got "0"/,
    );
    // Options that mean nothing for what is asked are refused, not silently taken.
    const answers = lab('eval', '--answers', garbage, '--suite', garbage, '--samples', '5');
    expect([answers.code, answers.stderr]).toEqual([
      2,
      expect.stringMatching(/--samples: a file of answers is scored as it is .*; leave it out/),
    ]);
    expect(
      lab('eval', '--policy', 'random', '--suite', garbage, '--backend', 'gpu').stderr,
    ).toMatch(/--backend: the random policy runs no model; leave it out/);
    // A flag given without its value is refused, not given its default.
    expect(lab('eval', '--policy', '--suite', garbage).stderr).toMatch(/--policy needs a value/);
  });
});
