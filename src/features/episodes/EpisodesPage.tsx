import { ComingSoon } from '../../components/ComingSoon';

export function EpisodesPage() {
  return (
    <ComingSoon title="Episodes">
      <p>
        Open any episode in a trace viewer: the observation, every decoded token with its
        probability, the patch or tests it wrote, the sandbox runs, and why it got its reward.
      </p>
    </ComingSoon>
  );
}
