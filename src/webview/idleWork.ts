/**
 * Work that the first frame after an edit does not show (the charts and the readout below the one
 * screen, a plane hidden behind the side-by-side planes) waits until the page is idle: after that
 * frame is painted, never before it. One job per key: a newer job of the same key replaces the
 * waiting one, so a burst of edits draws the hidden parts once, for the last of them. Whatever
 * needs a job's result sooner runs it at once with `flush`.
 */

type Job = () => void;

/** When the browser is idle (requestIdleCallback), or else after the next frame. */
function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 250 });
  else requestAnimationFrame(() => setTimeout(run, 0));
}

export class IdleWork {
  private readonly jobs = new Map<string, Job>();
  private scheduled = false;

  /** Runs `job` when the page is next idle, replacing a waiting job of the same key. */
  add(key: string, job: Job): void {
    this.jobs.set(key, job);
    if (this.scheduled) return;
    this.scheduled = true;
    whenIdle(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Drops the waiting job of `key` (its part is drawn now, or not at all). */
  cancel(key: string): void {
    this.jobs.delete(key);
  }

  /** Whether a job of `key` waits. */
  waiting(key: string): boolean {
    return this.jobs.has(key);
  }

  /** Runs the waiting job of `key` now (every waiting job when no key is given), in the order they were added. */
  flush(key?: string): void {
    for (const [k, job] of [...this.jobs]) {
      if (key !== undefined && k !== key) continue;
      this.jobs.delete(k);
      job();
    }
  }
}
