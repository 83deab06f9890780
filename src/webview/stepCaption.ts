/**
 * The caption under the plane and what a screen reader announces about the step shown. The
 * caption follows every step (only its text changes while playing); the live region speaks on
 * pause, on a step by the user and on a new analysis, and is emptied otherwise, so it never names
 * another step than the one on screen.
 */
import type { Analysis } from '../core/analysis/types';
import { stepSummary } from '../core/scene';
import { h } from './dom';

/**
 * The caption's text at path entry k. While the predict-first question of that step is open
 * (`hidden`), it asks instead of answering: the summary names the next update's direction.
 */
export function captionText(a: Analysis | null, k: number, hidden: boolean): string {
  if (!a) return '';
  const path = a.run.path;
  const step = path.length > 0 ? path.step[Math.max(0, Math.min(k, path.length - 1))] : k;
  if (hidden) return `Step ${step} of ${a.run.stepsRun}: which quadrant will the next update point to? Choose a quadrant (keys 1–4 in the box).`;
  return stepSummary(a, k);
}

export class StepCaption {
  /** Not a live region: a screen reader would read every frame while playing. */
  readonly caption = h('p', { className: 'gg-step-caption', testid: 'gg-step-caption' });
  readonly liveRegion = h('p', { className: 'gg-live gg-sr-only', testid: 'gg-live', attrs: { 'aria-live': 'polite', role: 'status' } });
  /** The last text worked out: the same step's is not worked out twice (once shown, once announced). */
  private last: { a: Analysis | null; k: number; hidden: boolean; text: string } | null = null;

  /** captionText(a, k, hidden), remembered for the last (a, k, hidden). */
  text(a: Analysis | null, k: number, hidden: boolean): string {
    const last = this.last;
    if (last && last.a === a && last.k === k && last.hidden === hidden) return last.text;
    const text = captionText(a, k, hidden);
    this.last = { a, k, hidden, text };
    return text;
  }

  /** Shows `text`; clears the announcement unless it is about this very text. */
  show(text: string): void {
    if (this.caption.textContent !== text) this.caption.textContent = text;
    if (this.liveRegion.textContent !== '' && this.liveRegion.textContent !== text) this.liveRegion.textContent = '';
  }

  announce(text: string): void {
    this.liveRegion.textContent = text;
  }
}
