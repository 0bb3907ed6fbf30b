import type { Answer } from '../core/answers/types';
import { stepsOf } from '../core/skills/shape';
import type { Verification } from '../core/skills/types';
import type { Task, TaskKind } from '../core/tasks/types';

/** The kinds whose verdict says which files the gold fix changes. */
const NAMES_FILES: readonly TaskKind[] = ['localization', 'bugfix', 'bugfix-multi'];

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** The files the first step of an answer (or of a gold answer) names. */
function filesOf(answer: Answer): string[] {
  const first = stepsOf(answer)[0];
  return first?.kind === 'files' ? first.files : [];
}

/**
 * What the named files have right, without naming a file the person did not: how many of them
 * the fix changes, and how many files the fix changes that were not named.
 */
export function localizationFact(named: readonly string[], gold: readonly string[]): string {
  const hit = named.filter((f) => gold.includes(f)).length;
  const missing = gold.filter((f) => !named.includes(f)).length;
  const right =
    hit === named.length && named.length > 0
      ? `${plural(named.length, 'It is a file', 'Each is a file')} the fix changes`
      : hit === 0
        ? named.length === 1
          ? 'It is not a file the fix changes'
          : `None of the ${named.length} is a file the fix changes`
        : `${hit} of the ${named.length} named files ${hit === 1 ? 'is' : 'are'} changed by the fix`;
  const rest =
    missing === 0
      ? 'no file the fix changes is missing'
      : `the fix also changes ${missing} ${plural(missing, 'file', 'files')} not named (“Show the gold answer” names ${plural(missing, 'it', 'them')})`;
  return `Named: ${named.join(', ')}. ${right}; ${rest}.`;
}

/**
 * A verdict as the Learn page shows it before the person asks for the gold answer: the
 * verifier's facts name the gold fix's files, the review label and each hidden mutant's change,
 * which a policy's episode may show but a person's wrong try must not give away. Only those
 * are reworded; the reward, the counts and the person's own runs are as the verifier gave them.
 */
export function learnerVerdict(task: Task, answer: Answer, verdict: Verification): Verification {
  const gold = filesOf(task.gold);
  const facts = verdict.facts.map((fact) => {
    if (NAMES_FILES.includes(task.kind) && fact.startsWith('Named: '))
      return localizationFact(filesOf(answer), gold);
    if (task.kind === 'review' && task.hidden.label && fact.startsWith('You said ')) {
      const said = fact.slice('You said '.length, fact.indexOf('.'));
      return verdict.reward
        ? `You said ${said}, as the hidden tests, run on this patch, do.`
        : `You said ${said}; the hidden tests, run on this patch, say otherwise.`;
    }
    return fact;
  });
  const mutants = task.hidden.mutants ?? [];
  const runs = verdict.runs.map((run) => {
    const i = mutants.findIndex((m) => run.purpose.endsWith(`mutant ${m.id} (${m.description})`));
    if (i < 0) return run;
    const purpose = run.purpose.replace(
      `mutant ${mutants[i]!.id} (${mutants[i]!.description})`,
      `hidden mutant ${i + 1} of ${mutants.length}`,
    );
    return { ...run, purpose };
  });
  return { ...verdict, facts, runs };
}
