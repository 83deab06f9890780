/**
 * The timeline: play/pause, step back and forward, reset, a scrub slider over the path, and the
 * speed in steps per second. Playing advances at the display's frame rate (requestAnimationFrame),
 * as many steps per frame as the speed asks; with reduced motion, play jumps to the end instead.
 */
import { MAX_ANIMATION_STEPS_PER_SECOND } from '../shared/protocol';
import { button, h, select } from './dom';

export interface TimelineEnvironment {
  /** Whether the user asked for reduced motion (OS setting or VS Code's body class). */
  readonly reducedMotion: () => boolean;
  readonly requestFrame: (cb: (t: number) => void) => number;
  readonly cancelFrame: (id: number) => void;
}

export interface TimelineListener {
  /** The step changed (by playing or by the user); `announce`: say it in the live region. */
  onStep(step: number, announce: boolean): void;
  onPlaying(playing: boolean): void;
  onSpeed(stepsPerSecond: number): void;
}

/** The speed select's choices, up to the setting's maximum. */
const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter((s) => s <= MAX_ANIMATION_STEPS_PER_SECOND);
/** Longest frame gap counted (a hidden panel must not jump hundreds of steps on return). */
const MAX_FRAME_GAP_MS = 250;
/** `frame` while a tick runs (no frame is pending, but the timeline is playing). */
const TICKING = -1;

export class Timeline {
  readonly play = button('Play', 'gg-play', 'Play or pause (Space)');
  readonly back = button('◀ Step', 'gg-back', 'One step back (←)');
  readonly forward = button('Step ▶', 'gg-step', 'One step forward (→)');
  readonly reset = button('Reset', 'gg-reset', 'Back to the start (Home)');
  readonly position = h('span', { className: 'gg-position', testid: 'gg-position', attrs: { 'aria-hidden': 'true' } });
  readonly speed = select(
    'gg-speed',
    'Animation speed, steps per second',
    SPEEDS.map((s) => [String(s), `${s} steps/s`]),
  );
  readonly scrub = h('input', {
    className: 'gg-scrub',
    testid: 'gg-scrub',
    attrs: { type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'Step' },
  });

  private last = 0;
  private current = 0;
  private frame: number | null = null;
  private lastTime: number | null = null;
  private carry = 0;
  private stepsPerSecond = 20;

  constructor(
    private readonly env: TimelineEnvironment,
    private readonly listener: TimelineListener,
  ) {
    this.play.setAttribute('aria-pressed', 'false');
    this.play.addEventListener('click', () => this.toggle());
    this.back.addEventListener('click', () => this.stepBy(-1));
    this.forward.addEventListener('click', () => this.stepBy(1));
    this.reset.addEventListener('click', () => this.goTo(0, true));
    this.speed.addEventListener('change', () => {
      const v = Number(this.speed.value);
      if (v > 0) this.setSpeed(v, true);
    });
    this.scrub.addEventListener('input', () => this.goTo(Number(this.scrub.value), false));
    this.scrub.addEventListener('change', () => this.goTo(Number(this.scrub.value), true));
    this.setSpeed(this.stepsPerSecond);
    this.setEnabled(false);
  }

  get isPlaying(): boolean {
    return this.frame !== null;
  }

  get step(): number {
    return this.current;
  }

  get lastStep(): number {
    return this.last;
  }

  /** A new path: its last index and the step to show. */
  setPath(last: number, step: number): void {
    this.last = Math.max(0, last);
    this.scrub.max = String(this.last);
    this.setEnabled(true);
    this.show(Math.min(Math.max(step, 0), this.last));
  }

  setSpeed(stepsPerSecond: number, fromUser = false): void {
    if (!(stepsPerSecond > 0) || !Number.isFinite(stepsPerSecond)) return;
    this.stepsPerSecond = Math.min(stepsPerSecond, MAX_ANIMATION_STEPS_PER_SECOND);
    const value = String(Math.round(this.stepsPerSecond * 100) / 100);
    if (![...this.speed.options].some((o) => o.value === value)) {
      const option = h('option', { text: `${value} steps/s`, attrs: { value } });
      const after = [...this.speed.options].find((o) => Number(o.value) > this.stepsPerSecond);
      this.speed.insertBefore(option, after ?? null);
    }
    this.speed.value = value;
    if (fromUser) this.listener.onSpeed(this.stepsPerSecond);
  }

  toggle(): void {
    if (this.isPlaying) this.pause(true);
    else this.start();
  }

  stepBy(delta: number): void {
    this.pause(false);
    this.goTo(this.current + delta, true);
  }

  goTo(step: number, announce: boolean): void {
    if (this.isPlaying) this.pause(false);
    const k = Math.min(Math.max(Math.round(step), 0), this.last);
    this.show(k);
    this.listener.onStep(k, announce);
  }

  start(): void {
    if (this.forward.disabled && this.back.disabled) return;
    if (this.env.reducedMotion()) {
      // No animation: show the final state at once.
      this.goTo(this.last, true);
      return;
    }
    if (this.current >= this.last) this.goTo(0, false);
    this.lastTime = null;
    this.carry = 0;
    this.setPlayButton(true);
    this.frame = this.env.requestFrame(this.tick);
    this.listener.onPlaying(true);
  }

  pause(announce: boolean): void {
    const was = this.isPlaying;
    if (this.frame !== null && this.frame !== TICKING) this.env.cancelFrame(this.frame);
    this.frame = null;
    this.setPlayButton(false);
    if (was) {
      this.listener.onPlaying(false);
      if (announce) this.listener.onStep(this.current, true);
    }
  }

  private readonly tick = (time: number): void => {
    // Still playing while the listener runs, so that it can pause (a predict-then-reveal question).
    this.frame = TICKING;
    if (this.lastTime !== null) this.carry += (Math.min(time - this.lastTime, MAX_FRAME_GAP_MS) / 1000) * this.stepsPerSecond;
    this.lastTime = time;
    const advance = Math.floor(this.carry);
    if (advance > 0) {
      this.carry -= advance;
      const next = Math.min(this.current + advance, this.last);
      this.show(next);
      this.listener.onStep(next, false);
      if (this.frame === null) return; // paused by the listener
      if (next >= this.last) {
        this.frame = null;
        this.setPlayButton(false);
        this.listener.onPlaying(false);
        this.listener.onStep(next, true);
        return;
      }
    }
    this.frame = this.env.requestFrame(this.tick);
  };

  private show(step: number): void {
    this.current = step;
    this.scrub.value = String(step);
    this.scrub.setAttribute('aria-valuetext', `step ${step} of ${this.last}`);
    this.position.textContent = `step ${step} / ${this.last}`;
    this.forward.disabled = step >= this.last;
    this.back.disabled = step <= 0;
  }

  private setPlayButton(playing: boolean): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
    this.play.setAttribute('aria-pressed', String(playing));
  }

  setEnabled(enabled: boolean): void {
    for (const b of [this.play, this.back, this.forward, this.reset]) b.disabled = !enabled;
    this.scrub.disabled = !enabled;
    if (enabled) this.show(this.current);
  }
}
