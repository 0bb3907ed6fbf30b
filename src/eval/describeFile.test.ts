import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeSuite } from '../core/tasks/suite';
import { describeFile } from './describeFile';

const DATA = new URL('../../../shared/data/humanevalfix-js.dev.jsonl', import.meta.url);
const records = readFileSync(DATA, 'utf8').split('\n').filter(Boolean);

describe('describeFile', () => {
  it('counts the records of a HumanEvalPack-style file and names the lines it will leave out', () => {
    expect(describeFile('two.jsonl', records.slice(0, 2).join('\n'))).toEqual({
      about: 'two.jsonl: 2 HumanEvalPack-style records (each made into tasks of several kinds).',
      problem: null,
      splits: null,
    });
    const mixed = describeFile('m.jsonl', `${records[0]}\n{"task_id": "x", "prompt": 1}\n`);
    expect(mixed.about).toBe(
      'm.jsonl: 1 HumanEvalPack-style record (each made into tasks of several kinds). 1 line cannot be read and will be left out; the first: m.jsonl line 2: entry_point: entry_point is missing or not a string.',
    );
  });

  it('names the External models section’s own files, and where they open', () => {
    const prompt = '{"task":"localization:money:a","kind":"localization","prompt":"Find the file"}';
    expect(describeFile('prompts.jsonl', `${prompt}\n${prompt}\n`).problem).toMatch(
      /^prompts\.jsonl is not a task file: it is a prompts file \(from "Download the prompts" under External models\)/,
    );
    expect(describeFile('a.jsonl', '{"task":"x","answer":"FILES a.js END"}').problem).toMatch(
      /^a\.jsonl is not a task file: it holds a model's answers\. Open it under External models/,
    );
  });

  it('refuses a file with nothing it can read, saying what is wrong with its first line', () => {
    expect(describeFile('e.jsonl', '\n  \n').problem).toMatch(/^e\.jsonl is empty: open /);
    expect(describeFile('n.txt', 'notes\n').problem).toMatch(
      /^n\.txt is not a task file \(line 1 is not JSON\)/,
    );
    expect(describeFile('a.json', '[1, 2]').problem).toMatch(/line 1 is not a JSON object/);
    // A record with HumanEvalFix's task_id but a field of the wrong type is a record, refused.
    expect(describeFile('b.jsonl', '{"task_id": "x", "prompt": 1}').problem).toBe(
      'b.jsonl has no record the app can read (1 line left out; the first: b.jsonl line 1: entry_point: entry_point is missing or not a string): open HumanEvalPack-style records (JSONL) or a suite file from lab suite export.',
    );
    // A JSON object with neither format's fields says so, naming both.
    expect(describeFile('f.jsonl', '{"foo": 1}').problem).toBe(
      "f.jsonl is not a task file: line 1 has neither a HumanEvalPack record's task_id (with prompt, buggy_solution, test…) nor a suite task's id and kind: open HumanEvalPack-style records (JSONL) or a suite file from lab suite export.",
    );
    // A JSON object that is a suite's task, unreadable.
    expect(describeFile('c.jsonl', '{"id": 3}').problem).toMatch(
      /^c\.jsonl has no task the app can read \(1 line left out; the first: c\.jsonl line 1: /,
    );
  });

  it('says a results.json or a run bundle opened here is one, and where it opens', () => {
    const results = JSON.stringify({ runs: { 'joint-rl': { scores: {} } } }, null, 2);
    const pretty = describeFile('results.json', results).problem!;
    expect(pretty).toMatch(
      /^results\.json is not a task file: it looks like a results\.json of lab experiment .*To see its grid, open it above, under "The grid of a results\.json from lab experiment"/,
    );
    expect(pretty).not.toContain('line 1');
    // On one line too (a suite file's reading would only say it has no task).
    expect(describeFile('r.json', JSON.stringify({ runs: {} })).problem).toBe(
      describeFile('r.json', results).problem,
    );
    const bundle = JSON.stringify({ format: 'atomic-skills-lab/run-bundle', run: {} }, null, 2);
    expect(describeFile('joint-rl.json', bundle).problem).toMatch(
      /^joint-rl\.json is not a task file: it is a run bundle of lab bundle\. To evaluate its run, import it on the Train page \("import bundle"/,
    );
    expect(describeFile('o.json', '{\n  "a": 1\n}\n').problem).toMatch(
      /^o\.json is not a task file: it is one JSON document over several lines, not JSON lines/,
    );
  });

  it('counts a suite file’s tasks', () => {
    const text = serializeSuite('none', []);
    expect(describeFile('s.jsonl', text).problem).toMatch(/^s\.jsonl has no task the app can read/);
  });
});
