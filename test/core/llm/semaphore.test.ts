import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../src-main/core/llm/semaphore';

/** A task that runs until the test releases it, recording when it started. */
function gate(started: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const task = async () => {
    started.push(name);
    await done;
    return name;
  };
  return { task, release };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, in arrival order', async () => {
    const semaphore = new Semaphore();
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const results = gates.map((g) => semaphore.run(2, g.task));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect({ active: semaphore.active, queued: semaphore.queued }).toEqual({ active: 2, queued: 2 });
    gates[1]!.release();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    gates[0]!.release();
    gates[2]!.release();
    gates[3]!.release();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect({ active: semaphore.active, queued: semaphore.queued }).toEqual({ active: 0, queued: 0 });
  });

  it('frees the slot when a task throws', async () => {
    const semaphore = new Semaphore();
    await expect(semaphore.run(1, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await semaphore.run(1, async () => 'next')).toBe('next');
  });

  it('applies a lowered limit to new tasks while running ones finish', async () => {
    const semaphore = new Semaphore();
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gate(started, name));
    const ra = semaphore.run(3, a!.task);
    const rb = semaphore.run(3, b!.task);
    const rc = semaphore.run(1, c!.task);
    await tick();
    expect(started).toEqual(['a', 'b']);
    a!.release();
    await tick();
    expect(started).toEqual(['a', 'b']); // still one running: the limit of c is 1
    b!.release();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    c!.release();
    await Promise.all([ra, rb, rc]);
  });
});
