import { GridResultError, readGridResult, type GridResult } from '../../eval/grid';
import { errorText } from '../../protocol/errorText';
import { labFileKind, OPEN_BUNDLE } from '../../eval/labFiles';

const PICK = 'Pick the results.json that npm run lab -- experiment wrote to its --out folder.';

/**
 * k of Avg@k a results.json's runs were scored with: its config's `evalSamples` (every baseline
 * derives from that config), or undefined when it is not recorded.
 */
function evalSamplesOf(value: unknown): number | undefined {
  const config = (value as { config?: unknown }).config;
  const k =
    typeof config === 'object' && config
      ? (config as { evalSamples?: unknown }).evalSamples
      : undefined;
  return typeof k === 'number' && Number.isInteger(k) && k > 0 ? k : undefined;
}

/**
 * A results.json's text read for the grid (with its k of Avg@k where recorded), or why it
 * cannot be: empty, not JSON, a run bundle (opened here by mistake: said where it goes), or a
 * field that is wrong. The message names the file and says what to do.
 */
export function readGridFile(
  name: string,
  text: string,
):
  | { result: GridResult; samples: number | undefined; error: null }
  | { result: null; error: string } {
  const refuse = (why: string, todo = PICK) => ({
    result: null,
    error: `Could not read ${name}: ${why} ${todo}`,
  });
  if (text.trim() === '') return refuse('it is empty.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return refuse(`it is not JSON (${errorText(e)}).`);
  }
  if (labFileKind(value) === 'bundle')
    return refuse(
      'it is a run bundle (one run, as npm run lab -- bundle writes it), not a results.json.',
      `To see its run in the grid, ${OPEN_BUNDLE}.`,
    );
  try {
    return { result: readGridResult(value), samples: evalSamplesOf(value), error: null };
  } catch (e) {
    if (e instanceof GridResultError) return refuse(e.message);
    throw e;
  }
}
