// results.json's shape lives beside the tables made from it (src/eval/grid.ts), which the app reads too.
export type { GridResult, Scores } from '../eval/grid';
