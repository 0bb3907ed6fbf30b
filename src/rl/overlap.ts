/** One item's product and what consuming it gave. */
export interface Overlapped<P, C> {
  product: P;
  consumed: C;
}

/** Where the wall time of {@link overlapped} went. */
export interface OverlapTimes {
  /** Sum of the `produce` calls' durations. */
  produceMs: number;
  /** Time spent waiting on consumers (over `maxAhead`, then for the last ones): what overlap did not hide. */
  waitMs: number;
  /** Wall time during which at least one `consume` was in flight (hidden or not). */
  busyMs: number;
}

/**
 * Runs `produce` on each item, one after the other, and starts `consume` on each product as
 * soon as it exists, without waiting for it before producing the next one. In GRPO that is
 * sampling a group with the model (on this thread) while the sandbox workers grade the groups
 * sampled before it. Results come back in item order; the order of the `produce` calls (and so
 * of any random draws they make) is the same as a plain sequential loop's.
 *
 * When a `produce` throws, the consumers already started are waited for (settled) before the
 * error is rethrown, so no sandbox run is left in flight behind a failed step. When a `consume`
 * fails, nothing more is produced and the first failure in item order is rethrown.
 *
 * `maxAhead` caps the consumers still running when the next item is produced (the oldest are
 * waited for first): 0 is a plain sequential loop (what the training benchmark compares
 * against), a small number keeps a fast producer from queueing a whole evaluation on the
 * sandbox. Results and call order are the same whatever the cap.
 */
export async function overlapped<I, P, C>(
  items: readonly I[],
  produce: (item: I, index: number) => Promise<P>,
  consume: (product: P, item: I, index: number) => Promise<C>,
  options: { now: () => number; maxAhead?: number },
): Promise<{ results: Overlapped<P, C>[]; times: OverlapTimes }> {
  const { now, maxAhead = Infinity } = options;
  const times: OverlapTimes = { produceMs: 0, waitMs: 0, busyMs: 0 };
  let inFlight = 0;
  let busySince = 0;
  // After a consumer fails nothing more is produced: the error surfaces below, in item order.
  let failed = false;
  const track = <T>(work: Promise<T>): Promise<T> => {
    if (inFlight++ === 0) busySince = now();
    const done = () => {
      if (--inFlight === 0) times.busyMs += now() - busySince;
    };
    return work.then(
      (value) => (done(), value),
      (error: unknown) => {
        done();
        failed = true;
        throw error;
      },
    );
  };
  const started: { product: P; consumed: Promise<C> }[] = [];
  // Every consumer before `oldest` has settled.
  let oldest = 0;
  try {
    for (const [index, item] of items.entries()) {
      if (failed) break;
      const t0 = now();
      const product = await produce(item, index);
      times.produceMs += now() - t0;
      // `consume` may throw synchronously: turn that into a rejection like any other.
      const consumed = track(Promise.resolve().then(() => consume(product, item, index)));
      // Rejections are handled where the results are awaited; this keeps Node from calling one
      // unhandled while later items are still being produced.
      consumed.catch(() => undefined);
      started.push({ product, consumed });
      const waited = now();
      while (inFlight > maxAhead) await Promise.allSettled([started[oldest++]!.consumed]);
      times.waitMs += now() - waited;
    }
  } catch (error) {
    await Promise.allSettled(started.map((s) => s.consumed));
    throw error;
  }
  const t0 = now();
  const results: Overlapped<P, C>[] = [];
  try {
    for (const s of started) results.push({ product: s.product, consumed: await s.consumed });
  } finally {
    await Promise.allSettled(started.map((s) => s.consumed));
    times.waitMs += now() - t0;
  }
  return { results, times };
}
