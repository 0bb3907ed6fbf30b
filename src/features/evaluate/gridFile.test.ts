import { describe, expect, it } from 'vitest';
import { readGridFile } from './gridFile';

const PICK = 'Pick the results.json that npm run lab -- experiment wrote to its --out folder.';

describe('readGridFile', () => {
  it('reads a results.json', () => {
    const text = JSON.stringify({ runs: { 'joint-rl': { scores: {} } } }, null, 2);
    expect(readGridFile('results.json', text).result?.runs).toHaveProperty('joint-rl');
  });

  it('reads k of Avg@k from the config, when it records one', () => {
    const runs = { 'joint-rl': { scores: {} } };
    const k = (config?: unknown) => {
      const opened = readGridFile('r.json', JSON.stringify({ runs, config }));
      return opened.result ? opened.samples : 'refused';
    };
    expect(k({ evalSamples: 3 })).toBe(3);
    expect(k()).toBeUndefined();
    expect(k({ evalSamples: 'three' })).toBeUndefined();
    expect(k({ evalSamples: 0 })).toBeUndefined();
  });

  it('says an empty file is empty', () => {
    expect(readGridFile('r.json', ' \n').error).toBe(`Could not read r.json: it is empty. ${PICK}`);
  });

  it('says a file that is not JSON is not, with why', () => {
    expect(readGridFile('r.json', '{"runs": ').error).toMatch(
      /^Could not read r\.json: it is not JSON \(.+\)\. Pick the results\.json/,
    );
  });

  it('recognises a run bundle and sends it to the Train page, saying so once', () => {
    const bundle = JSON.stringify({ format: 'atomic-skills-lab/run-bundle', run: {} }, null, 2);
    const { error } = readGridFile('joint-rl.json', bundle);
    expect(error).toBe(
      'Could not read joint-rl.json: it is a run bundle (one run, as npm run lab -- bundle writes it), not a results.json. To see its run in the grid, import it on the Train page ("import bundle" under its runs), then pick it in the grid of this browser\'s runs.',
    );
  });

  it('names a wrong field, and says what to open only once', () => {
    const { error } = readGridFile('x.json', '{"other": 1}');
    expect(error).toBe(
      `Could not read x.json: results.json must be an object with "runs". ${PICK}`,
    );
    expect(error!.match(/lab -- experiment/g)).toHaveLength(1);
  });
});
