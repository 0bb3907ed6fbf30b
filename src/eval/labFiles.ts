import { isRecord } from '../core/guards';

// Files the lab writes, recognised when one is opened where another kind is expected.

/** Where each kind of file is opened, said when it is opened in the wrong place. */
export const OPEN_RESULTS =
  'open it above, under "The grid of a results.json from lab experiment" (open results.json)';
export const OPEN_BUNDLE =
  'import it on the Train page ("import bundle" under its runs), then pick it in the grid of this browser\'s runs';

/**
 * What a parsed JSON document from the lab is, when it is a results.json of `lab experiment` or
 * a run bundle of `lab bundle`; else null.
 */
export function labFileKind(value: unknown): 'results' | 'bundle' | null {
  if (!isRecord(value)) return null;
  if (value.format === 'atomic-skills-lab/run-bundle') return 'bundle';
  if (isRecord(value.runs) && !('format' in value)) return 'results';
  return null;
}

/** A whole text parsed as one JSON document, or undefined when it is not one. */
export function parseDocument(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
