import { ComingSoon } from '../../components/ComingSoon';

export function TrainPage() {
  return (
    <ComingSoon title="Train">
      <p>
        Configure a joint GRPO run over the five atomic skills (localization, editing, unit-test
        generation, issue reproduction, code review), watch per-skill reward curves live, and
        compare runs.
      </p>
    </ComingSoon>
  );
}
