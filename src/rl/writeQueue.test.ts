import { describe, expect, it } from 'vitest';
import { WriteQueue } from './writeQueue';

describe('WriteQueue', () => {
  it('writes in order, keeps the first failure as thrown and skips every later write', async () => {
    const q = new WriteQueue();
    const done: number[] = [];
    const full = new DOMException('full', 'QuotaExceededError');
    q.push(() => Promise.resolve(void done.push(1)));
    q.push(() => Promise.reject(full));
    q.push(() => Promise.resolve(void done.push(3)));
    await expect(q.settled()).rejects.toThrow('full');
    expect(done).toEqual([1]);
    expect(q.cause).toBe(full);
    expect(q.error?.message).toBe('full');
  });

  it('settles quietly when every write lands', async () => {
    const q = new WriteQueue();
    q.push(() => Promise.resolve());
    await q.settled();
    expect(q.error).toBeNull();
  });
});
