import { describe, expect, it } from 'vitest';
import { hearOtherTabs, tellOtherTabs, type RunsNews } from './runsChannel';

describe('runs channel', () => {
  it("hears another tab's news about the runs, not its own, and ignores what is not news", async () => {
    // Another tab: its own channel of the same name.
    const otherTab = new BroadcastChannel('atomic-skills-lab:runs');
    const toOther: unknown[] = [];
    otherTab.onmessage = (e: MessageEvent<unknown>) => void toOther.push(e.data);
    const heard: RunsNews[] = [];
    const stop = hearOtherTabs((news) => heard.push(news));
    try {
      tellOtherTabs({ runId: 'mine', training: true });
      otherTab.postMessage({ runId: 3, training: true });
      otherTab.postMessage('runs changed');
      otherTab.postMessage({ runId: 'run-a', training: true });
      otherTab.postMessage({ runId: null, training: false });
      await expect.poll(() => heard.length).toBe(2);
      expect(heard).toEqual([
        { runId: 'run-a', training: true },
        { runId: null, training: false },
      ]);
      expect(toOther).toEqual([{ runId: 'mine', training: true }]);
      stop();
      otherTab.postMessage({ runId: 'run-b', training: false });
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toHaveLength(2);
    } finally {
      stop();
      otherTab.close();
    }
  });
});
