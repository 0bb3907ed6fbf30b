/**
 * How compared runs are told apart where colour already says something else (the skill on the
 * reward chart): each run's training curves get a dash pattern and its validation points a
 * marker shape. Validation is drawn as marked points on a thin solid line, never dashed, so it
 * is not mistaken for a run's dashes.
 */
export const RUN_DASHES: readonly (string | undefined)[] = [
  undefined,
  '8 3',
  '2 3',
  '12 4 2 4',
  '6 6',
];

/** A validation point's marker: a filled dot, a ring, a square, a diamond. */
export type DotShape = 'circle' | 'ring' | 'square' | 'diamond';
export const RUN_DOTS: readonly DotShape[] = ['circle', 'ring', 'square', 'diamond'];

export const runDash = (runIndex: number): string | undefined =>
  RUN_DASHES[runIndex % RUN_DASHES.length];
export const runDot = (runIndex: number): DotShape => RUN_DOTS[runIndex % RUN_DOTS.length]!;
