import type { ImportedRun } from '../storage/runs';

/** An imported run as the outcome names it; a copy says which run was already here. */
function named({ run, copyOf, nameTaken, renumbered }: ImportedRun): string {
  if (copyOf !== null)
    return `"${run.name}" (a copy: the run was already here as "${copyOf}", kept as it was)`;
  const notes = [
    ...(nameTaken ? [`another run here is named "${nameTaken}"`] : []),
    ...(renumbered
      ? ['its answers are numbered anew, so links to them from elsewhere do not open']
      : []),
  ];
  return notes.length ? `"${run.name}" (${notes.join('; ')})` : `"${run.name}"`;
}

/** What importing these runs came to, in words ('' for none). */
export function importedText(imported: readonly ImportedRun[]): string {
  if (imported.length === 0) return '';
  const names = imported.map(named).join(', ');
  return imported.length === 1
    ? `Imported run ${names}.`
    : `Imported ${imported.length} runs: ${names}.`;
}
