import { Link } from 'react-router-dom';
import { ComingSoon } from '../../components/ComingSoon';

export function EpisodesPage() {
  return (
    <ComingSoon title="Episodes">
      <p>
        Open any episode in a trace viewer: the observation, every decoded token with its
        probability, the patch or tests it wrote, the sandbox runs, and why it got its reward.
      </p>
      <p>
        Until then, a run&apos;s stored episodes (every group of every fifth step, and every answer
        of its evaluations) open from the <Link to="/train">Train page</Link>, under its charts:
        each answer&apos;s tokens with their probabilities, the patch or test file it became, its
        sandbox runs and the facts behind its reward.
      </p>
    </ComingSoon>
  );
}
