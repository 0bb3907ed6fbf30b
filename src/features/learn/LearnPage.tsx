import { ComingSoon } from '../../components/ComingSoon';

export function LearnPage() {
  return (
    <ComingSoon title="Learn">
      <p>
        A composite task (fixing a bug) decomposed into its atomic skills, each one playable by you,
        graded by the same verifiers the policy is.
      </p>
    </ComingSoon>
  );
}
