import { useLocation } from 'react-router-dom';
import { runDeviceCheck } from '../../bridge/compute';
import { appStore } from '../../state/appStore';
import { useDevice, useEvaluatingExternal, useGoingRun, useUi } from '../../state/hooks';
import { TableScroll } from '../../components/TableScroll';

const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Runs a matmul benchmark and a few training steps on every backend, side by side. */
export function DeviceCheckPanel() {
  const device = useDevice();
  const { search } = useLocation();
  const { check } = device;
  // The last check on this device, kept over reloads: its table says why `auto` picks what it does.
  const last = useUi().lastCheck;
  const running = check.status === 'running';
  // The check tours every backend in the worker a run trains in: not while one goes, nor while
  // runs answer external tasks there.
  const training = useGoingRun() !== null;
  const evaluating = useEvaluatingExternal();
  const held = training || evaluating;
  return (
    <section className="device-check" data-testid="device-check" data-status={check.status}>
      <h3>Device check</h3>
      <p className="hint">
        Times a 256×256 matmul and three training steps of the policy&apos;s feed-forward block at
        its size (512 tokens, width 64, hidden 128) on each backend, in the compute worker. The
        backend with the fastest step becomes the automatic choice.
      </p>
      <button
        type="button"
        data-testid="run-device-check"
        // While it checks the button keeps the keyboard's focus (aria-disabled, not disabled:
        // a disabled button drops it to the page, outside the dialog).
        disabled={!running && (held || device.status !== 'ready')}
        aria-disabled={running || undefined}
        aria-describedby={held ? 'device-check-training' : undefined}
        onClick={() => {
          if (!running) void runDeviceCheck(appStore, search);
        }}
      >
        {running ? 'Checking…' : 'Run device check'}
      </button>
      {held && (
        <span className="hint" id="device-check-training" data-testid="device-check-training">
          {' '}
          {training
            ? 'A run is going: the check can run once it ends or is stopped.'
            : 'An evaluation of external tasks is going (Evaluate page): the check can run once it ends or is cancelled.'}
        </span>
      )}
      {check.progress && (
        <p className="hint" aria-live="polite">
          {check.progress === 'agreement'
            ? 'comparing the policy’s answers across the backends…'
            : `${check.progress.backend}: ${check.progress.stage}…`}
        </p>
      )}
      {check.error && (
        <p className="error" role="alert">
          {check.error}
        </p>
      )}
      {last && (
        <p className="hint" data-testid="device-check-when">
          {running ? 'The last check, ' : 'Checked '}
          <time dateTime={new Date(last.at).toISOString()}>
            {new Date(last.at).toLocaleString(undefined, WHEN)}
          </time>
          {running ? ', until this one ends:' : ':'}
        </p>
      )}
      {last && (
        <TableScroll>
          <table className="table" data-testid="device-check-results">
            <thead>
              <tr>
                <th>backend</th>
                <th>matmul GFLOP/s</th>
                <th>ms / step</th>
                <th>loss</th>
              </tr>
            </thead>
            <tbody>
              {last.result.rows.map((r) => (
                <tr key={r.backend} data-testid={`device-row-${r.backend}`} data-ok={r.ok}>
                  <td>
                    {r.backend}
                    {last.result.fastest === r.backend && <span className="badge">fastest</span>}
                  </td>
                  {r.ok ? (
                    <>
                      <td>{fmt(r.matmulGflops)}</td>
                      <td>{fmt(r.stepMs, 1)}</td>
                      <td>
                        {fmt(r.lossStart, 3)} → {fmt(r.lossEnd, 3)}
                      </td>
                    </>
                  ) : (
                    <td colSpan={3} className="error">
                      {r.error}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {last?.agreement && (
        <div className="hint" data-testid="backend-agreement">
          <p title="The same seeded policy scores a fixed batch, takes one update and scores it again on each backend.">
            The policy on each backend vs {last.agreement.reference}: largest difference in
            log-probs and after one update (tolerance 1e-3).
          </p>
          <ul>
            {Object.entries(last.agreement.differences).map(([b, d]) => (
              <li key={b} data-testid={`agreement-${b}`} data-difference={d}>
                {b}: {d.toExponential(1)} {d <= 1e-3 ? '✓ agrees' : '✗ disagrees'}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
