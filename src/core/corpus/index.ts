import packed from './generated/projects.json';

/** One built-in project: a few ES modules and their reference tests (flat paths). */
export interface CorpusProject {
  name: string;
  description: string;
  tags: string[];
  files: Record<string, string>;
}

/** The built-in corpus, packed from `src/core/corpus/projects/` by `npm run corpus`. */
export const CORPUS: readonly CorpusProject[] = packed as unknown as CorpusProject[];

export const isTestFile = (path: string): boolean => path.endsWith('.test.js');

/** Source modules (not tests) of a project, sorted. */
export function sourceFiles(files: Record<string, string>): string[] {
  return Object.keys(files)
    .filter((f) => f.endsWith('.js') && !isTestFile(f))
    .sort();
}

/** Test files of a project, sorted. */
export function testFiles(files: Record<string, string>): string[] {
  return Object.keys(files).filter(isTestFile).sort();
}
