import { ComingSoon } from '../../components/ComingSoon';

export function EvaluatePage() {
  return (
    <ComingSoon title="Evaluate">
      <p>
        Per-skill and composite-task tables, the paper&apos;s experiment grid, transfer between
        skills, and external tasks and models.
      </p>
    </ComingSoon>
  );
}
