/**
 * Bytes of request bodies the service holds at once. A request reserves its body's size before the
 * body is read; one that does not fit waits in line (first come, first served, so a large body is not
 * overtaken forever by small ones) without its body being read: Node stops reading the socket and the
 * client's upload stalls. The reservation ends when the answer is sent or the client goes away.
 */
export class BodyBudget {
  private reserved = 0;
  private readonly waiting: Array<{ bytes: number; admit: () => void }> = [];

  constructor(readonly capacity: number) {}

  /**
   * Resolves with the function that gives the `bytes` back once they fit, or with `undefined` when
   * they did not within `waitMs` or `abandoned` fired first.
   */
  reserve(bytes: number, waitMs: number, abandoned: AbortSignal): Promise<(() => void) | undefined> {
    const amount = Math.min(bytes, this.capacity);
    if (!this.waiting.length && this.fits(amount)) return Promise.resolve(this.take(amount));
    return new Promise((resolve) => {
      const entry = {
        bytes: amount,
        admit: () => {
          stopWaiting();
          resolve(this.take(amount));
        },
      };
      const giveUp = () => {
        stopWaiting();
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        this.admitWaiting();
        resolve(undefined);
      };
      const timer = setTimeout(giveUp, waitMs);
      abandoned.addEventListener('abort', giveUp);
      const stopWaiting = () => {
        clearTimeout(timer);
        abandoned.removeEventListener('abort', giveUp);
      };
      this.waiting.push(entry);
    });
  }

  /** Bytes reserved now (for tests and diagnostics). */
  get inUse(): number {
    return this.reserved;
  }

  private fits(bytes: number): boolean {
    return this.reserved + bytes <= this.capacity;
  }

  private take(bytes: number): () => void {
    this.reserved += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.reserved -= bytes;
      this.admitWaiting();
    };
  }

  private admitWaiting(): void {
    while (this.waiting.length && this.fits(this.waiting[0].bytes))
      (this.waiting.shift() as { admit: () => void }).admit();
  }
}
