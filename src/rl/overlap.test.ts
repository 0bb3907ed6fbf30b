import { describe, expect, it } from 'vitest';
import { overlapped } from './overlap';

/** A promise and the function that resolves it. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('overlapped', () => {
  it('produces the next item while earlier products are still being consumed', async () => {
    const events: string[] = [];
    // Consuming item 0 only finishes once item 2 has been produced: a loop that waited for
    // each consumer before producing the next would never get there.
    const thirdProduced = gate();
    const { results } = await overlapped(
      ['a', 'b', 'c'],
      async (item, i) => {
        events.push(`produce ${i}`);
        await tick();
        if (i === 2) thirdProduced.open();
        return item.toUpperCase();
      },
      async (product, _item, i) => {
        if (i === 0) await thirdProduced.opened;
        events.push(`consumed ${i}`);
        return `${product}!`;
      },
      { now: () => performance.now() },
    );
    expect(results).toEqual([
      { product: 'A', consumed: 'A!' },
      { product: 'B', consumed: 'B!' },
      { product: 'C', consumed: 'C!' },
    ]);
    expect(events.indexOf('produce 2')).toBeLessThan(events.indexOf('consumed 0'));
    // Producing stays sequential and in order.
    expect(events.filter((e) => e.startsWith('produce'))).toEqual([
      'produce 0',
      'produce 1',
      'produce 2',
    ]);
  });

  it('waits for each consumer before producing the next when sequential', async () => {
    const events: string[] = [];
    const { results } = await overlapped(
      [1, 2, 3],
      async (i) => {
        events.push(`produce ${i}`);
        await tick();
        return i * 10;
      },
      async (product, i) => {
        await tick();
        events.push(`consumed ${i}`);
        return product + 1;
      },
      { now: () => performance.now(), maxAhead: 0 },
    );
    expect(results.map((r) => r.consumed)).toEqual([11, 21, 31]);
    expect(events).toEqual([
      'produce 1',
      'consumed 1',
      'produce 2',
      'consumed 2',
      'produce 3',
      'consumed 3',
    ]);
  });

  it('keeps at most maxAhead consumers running when it produces the next item', async () => {
    let running = 0;
    const seen: number[] = [];
    const { results } = await overlapped(
      Array.from({ length: 10 }, (_, i) => i),
      (i) => {
        seen.push(running);
        return Promise.resolve(i);
      },
      async (i) => {
        running++;
        await tick();
        await tick();
        running--;
        return i * 2;
      },
      { now: () => 0, maxAhead: 2 },
    );
    expect(results.map((r) => r.consumed)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(Math.max(...seen)).toBe(2);
  });

  it('accounts produce time, the wait it could not hide and the consumers busy time', async () => {
    let clock = 0;
    const now = () => clock;
    const slow = gate();
    const { times } = await overlapped(
      [0, 1],
      (_item, i) => {
        clock += 10; // producing takes 10 "ms" each
        if (i === 1) setTimeout(() => ((clock += 5), slow.open()), 1);
        return Promise.resolve(i);
      },
      async (_p, _item, i) => {
        if (i === 1) await slow.opened; // the last consumer ends 5 "ms" after producing did
      },
      { now },
    );
    expect(times.produceMs).toBe(20);
    expect(times.waitMs).toBe(5);
    // Busy from the first consumer's start (clock 10) until the last ended (clock 25).
    expect(times.busyMs).toBe(15);
  });

  it('rethrows a consumer failure once the others settled, and a producer failure after the started consumers', async () => {
    const settled: number[] = [];
    await expect(
      overlapped(
        [0, 1, 2],
        (i) => Promise.resolve(i),
        async (i) => {
          await tick();
          settled.push(i);
          if (i === 1) throw new Error('grading failed');
        },
        { now: () => 0 },
      ),
    ).rejects.toThrow('grading failed');
    expect(settled.sort()).toEqual([0, 1, 2]);

    // Once a consumer failed, nothing more is produced.
    const produced: number[] = [];
    await expect(
      overlapped(
        [0, 1, 2, 3, 4, 5],
        async (i) => {
          produced.push(i);
          await tick();
          await tick();
          return i;
        },
        (i) => (i === 0 ? Promise.reject(new Error('pool is gone')) : Promise.resolve(i)),
        { now: () => 0 },
      ),
    ).rejects.toThrow('pool is gone');
    expect(produced.length).toBeLessThan(6);

    const consumed: number[] = [];
    await expect(
      overlapped(
        [0, 1, 2],
        (i) => (i === 2 ? Promise.reject(new Error('sampling failed')) : Promise.resolve(i)),
        async (i) => {
          await tick();
          consumed.push(i);
        },
        { now: () => 0 },
      ),
    ).rejects.toThrow('sampling failed');
    expect(consumed.sort()).toEqual([0, 1]);
  });
});
