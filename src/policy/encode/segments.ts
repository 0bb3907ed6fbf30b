/**
 * Segment ids the encoder embeds, so it knows what kind of text each position holds. `line`: the
 * number of the code line that follows (a prompt saying "line 12" is matched to the marker `12`).
 * `focus`: code on the lines the task is about (`task.focus`: the line an edit instruction names,
 * the function a test or refactoring is for), which the instruction states in words; for an
 * issue to fix, the functions the issue names as code (see `focusLines`).
 */
export const SEGMENTS = {
  tag: 0,
  prompt: 1,
  files: 2,
  code: 3,
  candidates: 4,
  patch: 5,
  line: 6,
  focus: 7,
} as const;

/**
 * Rows of the model's segment embedding: the segments above plus spare rows, fixed so that
 * checkpoints saved before a segment was added still load.
 */
export const SEGMENT_TYPES = 8;
