/**
 * What a lesson's spec asks of the panel (docs/spec-language.md, "Teaching statements"):
 * predict-then-reveal (`predict = quadrant`), locked controls (`lock = …`) and hidden parts
 * (`hide = …`). The question, its answer and the explanation come from the pure core
 * (core/lessons/predict.ts); this file only shows them and keeps the state of one lesson.
 */
import { sliderParamKeys } from '../core/optimizers/registry';
import type { Analysis } from '../core/analysis/types';
import { judgePrediction, predictionAt, QUADRANTS, type PredictionQuestion, type Quadrant } from '../core/lessons/predict';
import type { HideablePart, LockableControl, Spec } from '../core/spec/types';
import { button, h } from './dom';

const LABELS: Readonly<Record<Quadrant, string>> = {
  'north-east': '↗ North-east',
  'north-west': '↖ North-west',
  'south-west': '↙ South-west',
  'south-east': '↘ South-east',
};

/** Test ids of the panel controls each lockable name locks. */
export const LOCKED_CONTROLS: Readonly<Record<LockableControl, readonly string[]>> = {
  lr: ['gg-lr', 'gg-snap'],
  batch: ['gg-batch'],
  // The optimizer's own parameter sliders (paramSliders.ts) lock with it.
  optimizer: ['gg-optimizer', ...sliderParamKeys().map((key) => `gg-param-${key}`)],
  preprocess: ['gg-preprocess'],
  start: [],
  teacher: [],
};

/** Body classes for the parts a lesson hides (media/panel.css hides them). */
export const HIDDEN_CLASSES: readonly HideablePart[] = ['controls', 'path', 'readout', 'chart', 'strip', 'cone', 'variants'];

/**
 * The predict-then-reveal box: "Which quadrant will the next update point to?" with four
 * buttons (Tab and Enter/Space, or the keys 1–4 while the box has focus), then the verdict.
 */
export class PredictView {
  readonly element: HTMLElement;
  private readonly prompt = h('p', { className: 'gg-predict-prompt', testid: 'gg-predict-prompt' });
  private readonly verdict = h('p', { className: 'gg-predict-verdict', testid: 'gg-predict-verdict', attrs: { 'aria-live': 'polite', role: 'status' } });
  private readonly choices: HTMLButtonElement[];
  private readonly parts: HTMLElement[];
  private readonly score = h('span', { className: 'gg-predict-score', testid: 'gg-predict-score' });
  private question: PredictionQuestion | null = null;
  private analysis: Analysis | null = null;
  private readonly revealed = new Set<number>();
  private right = 0;
  private asked = 0;

  /** `onReveal` redraws the step once its update may be shown. */
  constructor(private readonly onReveal: () => void) {
    this.choices = QUADRANTS.map((q, k) => {
      const b = button(LABELS[q], `gg-predict-${q}`, `Predict ${q} (key ${k + 1})`, 'gg-button gg-predict-choice');
      b.dataset.quadrant = q;
      b.addEventListener('click', () => this.guess(q));
      return b;
    });
    this.parts = [
      h('h2', { className: 'gg-subtitle', text: 'Predict, then reveal' }),
      this.prompt,
      h('div', { className: 'gg-predict-choices', attrs: { role: 'group', 'aria-label': 'Quadrant of the next update' } }, ...this.choices),
      this.verdict,
      this.score,
    ];
    // Empty (no buttons in the page) until a lesson asks for predictions.
    this.element = h('section', { className: 'gg-predict', testid: 'gg-predict', attrs: { 'aria-label': 'Predict the next update' } });
    this.element.addEventListener('keydown', (e) => {
      const k = Number(e.key);
      if (k >= 1 && k <= 4 && this.question && !this.revealed.has(this.question.step)) {
        e.preventDefault();
        e.stopPropagation();
        this.guess(QUADRANTS[k - 1]);
      }
    });
    this.element.hidden = true;
  }

  /** A new analysis (or a changed spec) starts the questions again. */
  reset(analysis: Analysis | null, enabled: boolean): void {
    this.analysis = enabled ? analysis : null;
    this.revealed.clear();
    this.question = null;
    this.right = 0;
    this.asked = 0;
    this.element.hidden = !enabled;
    if (enabled !== this.element.hasChildNodes()) this.element.replaceChildren(...(enabled ? this.parts : []));
    this.verdict.textContent = '';
    this.score.textContent = '';
  }

  get enabled(): boolean {
    return this.analysis !== null;
  }

  /** Whether the update out of `step` is still hidden (asked, not answered). */
  hides(step: number): boolean {
    return this.analysis !== null && predictionAt(this.analysis, step) !== null && !this.revealed.has(step);
  }

  /** Shows the question for the update out of `step` (or says there is none). */
  show(step: number): void {
    if (!this.analysis) return;
    const q = predictionAt(this.analysis, step);
    this.question = q;
    const open = q !== null && !this.revealed.has(step);
    for (const b of this.choices) {
      b.disabled = !open;
      b.classList.toggle('gg-predict-answer', q !== null && !open && b.dataset.quadrant === q.answer);
    }
    if (q === null)
      this.prompt.textContent =
        step >= this.analysis.run.path.length - 1 ? 'The run is over: no update left to predict.' : 'This update lies on an axis: step on.';
    else if (open) {
      this.prompt.textContent = `Step ${step}: which quadrant will the next update point to?`;
      this.verdict.textContent = '';
    } else this.prompt.textContent = `Step ${step}: revealed. Step forward for the next question.`;
  }

  /** Puts the keyboard focus on the first choice (after a blocked step forward). */
  focus(): void {
    this.choices.find((b) => !b.disabled)?.focus();
  }

  private guess(q: Quadrant): void {
    const question = this.question;
    if (!question || this.revealed.has(question.step)) return;
    const verdict = judgePrediction(question, q);
    this.revealed.add(question.step);
    this.asked++;
    if (verdict.correct) this.right++;
    this.verdict.textContent = verdict.message;
    this.verdict.classList.toggle('gg-predict-right', verdict.correct);
    this.verdict.classList.toggle('gg-predict-wrong', !verdict.correct);
    this.score.textContent = `${this.right} of ${this.asked} right`;
    this.show(question.step);
    this.onReveal();
  }
}

/** Disables the controls a lesson locks (after each update of the controls). */
export function applyLocks(controls: HTMLElement, spec: Spec | null): void {
  const locked = new Set(spec?.lock ?? []);
  for (const [name, ids] of Object.entries(LOCKED_CONTROLS) as [LockableControl, readonly string[]][]) {
    for (const id of ids) {
      const el = controls.querySelector<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(`[data-testid="${id}"]`);
      if (!el || !locked.has(name)) continue;
      el.disabled = true;
      el.title = 'Locked by this lesson';
      el.setAttribute('data-locked', 'true');
    }
  }
}

/** Body classes for `hide = …`, presenter mode and predict mode. */
export function teachingClasses(body: HTMLElement, spec: Spec | null, predicting: boolean, presenter: boolean): void {
  const hidden = new Set(spec?.hide ?? []);
  for (const part of HIDDEN_CLASSES) body.classList.toggle(`gg-hide-${part}`, hidden.has(part));
  body.classList.toggle('gg-predict-mode', spec?.predict === 'quadrant');
  body.classList.toggle('gg-predicting', predicting);
  body.classList.toggle('gg-presenter', presenter);
}
