import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySpace } from '../core/tasks/space';
import type { Task } from '../core/tasks/types';
import { ACTION_WORDS, SPECIAL_TOKENS, vocabularyFromWords } from '../policy/encode/vocab';
import { createRng } from '../core/rng';
import { createPolicyModel, PolicyAgent } from './agent';
import { QUICK_CONFIG } from './presets';

const vocab = vocabularyFromWords([...new Set([...SPECIAL_TOKENS, ...ACTION_WORDS])]);
const task: Task = {
  id: 'reproduction:t:1',
  kind: 'reproduction',
  split: 'test',
  project: 't',
  origin: 'import',
  prompt: {
    title: 'chunk is wrong',
    body: 'Calling `chunk([1, 2], 7)` returns the input; I expected `[[1], [2]]`.',
  },
  files: { 'a.js': 'export const chunk = (xs, n) => xs;\n' },
  gold: { kind: 'files', files: ['a.js'] },
  hidden: { tests: {} },
  space: { ...emptySpace(), files: ['a.js'], literals: ['7', '[1, 2]', '[[1], [2]]'] },
  meta: {},
};

let agent: PolicyAgent;
beforeAll(async () => {
  await tf.setBackend('cpu');
  const model = createPolicyModel(
    { ...QUICK_CONFIG, model: { ...QUICK_CONFIG.model, dModel: 16, ffDim: 32 } },
    vocab,
  );
  agent = new PolicyAgent(model, vocab);
});
afterAll(() => agent.model.dispose());

describe('PolicyAgent.label', () => {
  it('names words, pointed tokens, and the literal a candidate slot stands for', () => {
    const prepared = agent.prepare(task);
    const V = vocab.words.length;
    expect(agent.label(prepared, vocab.index.get('<END>')!)).toBe('<END>');
    // A prompt token (the text, where a copy pointer may point too).
    expect(prepared.encoded.texts[1]).not.toBe('<lit>');
    expect(agent.label(prepared, V + 1)).toBe(`@1:${prepared.encoded.texts[1]}`);
    const literals = prepared.encoded.literals;
    expect(literals.length).toBe(3);
    for (const l of literals) {
      expect(prepared.encoded.texts[l.pos]).toBe('<lit>');
      expect(agent.label(prepared, V + l.pos)).toBe(`@${l.pos}:<lit ${l.text}>`);
    }
  });
});

describe('PolicyAgent.sampleGroup', () => {
  it('says when decoding stopped at the step limit before the answer was complete', async () => {
    // Localization over three files: one to three files, then END.
    const files = { 'a.js': 'export const a = 1;\n', 'b.js': 'export const b = 2;\n', 'c.js': '' };
    const localize: Task = {
      ...task,
      id: 'localization:t:1',
      kind: 'localization',
      files,
      space: { ...task.space, files: Object.keys(files) },
    };
    const short = new PolicyAgent(
      createPolicyModel(
        {
          ...QUICK_CONFIG,
          model: { ...QUICK_CONFIG.model, dModel: 16, ffDim: 32, maxActLen: 2 },
        },
        vocab,
      ),
      vocab,
    );
    try {
      // Two actions: a file and END is a whole answer; two files is cut short of its END.
      const cut = await short.sampleGroup(localize, 8, 1, createRng(3));
      for (const s of cut) {
        expect(s.actions.length).toBe(2);
        expect(s.truncated).toBe(s.labels[1] !== '<END>');
      }
      expect(cut.filter((s) => s.truncated).length).toBeGreaterThan(0);
    } finally {
      short.model.dispose();
    }
    const whole = await agent.sampleGroup(localize, 8, 1, createRng(3));
    for (const s of whole) {
      expect(s.labels.at(-1)).toBe('<END>');
      expect(s.truncated).toBe(false);
    }
  });
});
