/**
 * Pass-memory benchmark (part of `npm run bench`; alone: `npm run bench -- memory`, about two
 * minutes): for model shapes around the default, the peak bytes of tensors one supervised
 * training pass holds (tf.profile on the CPU backend: the engine's byte count, the same on every
 * backend) beside passBytes' estimate, which is what decides how batches split into passes
 * (src/policy/model/passBytes.ts). Exits non-zero when an estimate is off by more than 20%.
 */
import '../src/node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { PASS_BYTES } from '../src/policy/model/passBytes';
import { profilePass, type PassShape } from '../src/policy/model/passProfile';
import { defaultModelConfig, type ModelConfig } from '../src/policy/model/types';

interface Shape extends PassShape {
  label: string;
  model: Partial<ModelConfig>;
}

const SHAPES: Shape[] = [
  {
    label: 'default, 2 observations x 1 answer',
    model: {},
    units: 2,
    length: 512,
    perUnit: 1,
    steps: 12,
  },
  { label: 'default, 2 groups of 8', model: {}, units: 2, length: 512, perUnit: 8, steps: 12 },
  {
    label: 'default, 2 groups of 8, 36 steps',
    model: {},
    units: 2,
    length: 512,
    perUnit: 8,
    steps: 36,
  },
  { label: 'default, 8 groups of 8', model: {}, units: 8, length: 512, perUnit: 8, steps: 12 },
  {
    label: 'default, 4 groups of 8, 256 tokens',
    model: {},
    units: 4,
    length: 256,
    perUnit: 8,
    steps: 12,
  },
  {
    label: 'maxObsLen 1024',
    model: { maxObsLen: 1024 },
    units: 2,
    length: 1024,
    perUnit: 1,
    steps: 12,
  },
  {
    label: 'dModel 96',
    model: { dModel: 96, ffDim: 192 },
    units: 2,
    length: 512,
    perUnit: 1,
    steps: 12,
  },
  {
    label: 'dModel 128',
    model: { dModel: 128, ffDim: 256 },
    units: 2,
    length: 512,
    perUnit: 1,
    steps: 12,
  },
  { label: '8 heads', model: { heads: 8 }, units: 2, length: 512, perUnit: 1, steps: 12 },
  {
    label: '4 encoder layers',
    model: { encoderLayers: 4 },
    units: 2,
    length: 512,
    perUnit: 1,
    steps: 12,
  },
  {
    label: '4 decoder layers',
    model: { decoderLayers: 4 },
    units: 2,
    length: 512,
    perUnit: 8,
    steps: 12,
  },
  {
    label: 'vocabulary 4000',
    model: { vocabSize: 4000 },
    units: 2,
    length: 512,
    perUnit: 1,
    steps: 12,
  },
];
const TOLERANCE = 0.2;

await tf.setBackend('cpu');
await tf.ready();
const mb = (b: number) => (b / 2 ** 20).toFixed(1).padStart(8);
console.log(
  `\nPass memory: peak tensor bytes of one supervised pass (CPU, tf.profile) vs passBytes; budget ${(PASS_BYTES / 2 ** 30).toFixed(2)} GiB per pass`,
);
console.log(
  `${'shape'.padEnd(36)} ${'measured MB'.padStart(11)} ${'estimate MB'.padStart(11)}  ratio`,
);
let worst = 0;
for (const shape of SHAPES) {
  const config: ModelConfig = { ...defaultModelConfig(2000), ...shape.model };
  const { peak, estimate } = await profilePass(config, shape);
  const ratio = estimate / peak;
  worst = Math.max(worst, Math.abs(ratio - 1));
  console.log(
    `${shape.label.padEnd(36)} ${mb(peak).padStart(11)} ${mb(estimate).padStart(11)}  ${ratio.toFixed(2)}`,
  );
}
console.log(`largest error ${(100 * worst).toFixed(0)}% (tolerance ${100 * TOLERANCE}%)`);
if (worst > TOLERANCE) process.exitCode = 1;

export {};
