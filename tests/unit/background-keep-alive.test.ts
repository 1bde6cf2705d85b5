import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAliveWhile } from '../../lib/background/keepAlive';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('keeping the service worker alive while a slow answer is awaited', () => {
  it('calls an extension API every 25 s until the work settles, then stops', async () => {
    const ping = vi.fn(async () => ({}));
    let finish!: (value: string) => void;
    const kept = keepAliveWhile(new Promise<string>((resolve) => (finish = resolve)), ping);
    await vi.advanceTimersByTimeAsync(24_999);
    expect(ping).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(51_000);
    expect(ping).toHaveBeenCalledTimes(3);
    finish('answer');
    await expect(kept).resolves.toBe('answer');
    await vi.advanceTimersByTimeAsync(100_000);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('stops after a failure too, passes the failure on, and ignores a failing ping', async () => {
    const ping = vi.fn(async () => Promise.reject(new Error('context invalidated')));
    let fail!: (error: Error) => void;
    const kept = keepAliveWhile(new Promise<string>((_resolve, reject) => (fail = reject)), ping);
    const outcome = kept.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(30_000);
    fail(new Error('endpoint down'));
    expect(await outcome).toBe('endpoint down');
    await vi.advanceTimersByTimeAsync(100_000);
    expect(ping).toHaveBeenCalledTimes(1);
  });
});
