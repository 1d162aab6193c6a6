interface Waiter {
  limit: number;
  start(): void;
}

/**
 * Bounds how many tasks run at once, first come first served. The limit is passed on every
 * `run` (it is a setting the user may change at any time): a task starts when fewer than its
 * limit are running, so lowering the limit lets running tasks finish and holds new ones back.
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(limit: number, task: () => Promise<T>): Promise<T> {
    await this.acquire(Math.max(1, Math.floor(limit)));
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.startWaiting();
    }
  }

  private acquire(limit: number): Promise<void> {
    if (this.waiting.length === 0 && this.running < limit) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push({ limit, start: resolve });
    });
  }

  private startWaiting(): void {
    while (this.waiting.length > 0 && this.running < this.waiting[0]!.limit) {
      const next = this.waiting.shift()!;
      this.running += 1;
      next.start();
    }
  }
}
