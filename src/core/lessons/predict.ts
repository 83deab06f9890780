/**
 * Predict-then-reveal (`predict = quadrant`): before the panel shows update k, the student guesses
 * which quadrant of the viewed plane it will point to. Pure: the question, its answer and the
 * explanation come from the analysis alone.
 *
 * Quadrants are compass names on the view axes (east = +first axis, north = +second axis), as in
 * the readout. An update with a zero (or negligible) component lies on an axis and is not asked.
 */
import type { Analysis } from '../analysis/types';
import { entryAt } from '../analysis/runPath';

export type Quadrant = 'north-east' | 'north-west' | 'south-west' | 'south-east';

/** The four answers, counter-clockwise from north-east (the order the panel offers them). */
export const QUADRANTS: readonly Quadrant[] = ['north-east', 'north-west', 'south-west', 'south-east'];

/** A component smaller than this share of the update's size counts as zero (on an axis). */
const AXIS_TOLERANCE = 1e-9;

/** The quadrant of (dx, dy), or null when the vector lies on an axis or is zero. */
export function quadrantOf(dx: number, dy: number): Quadrant | null {
  const size = Math.hypot(dx, dy);
  if (!(size > 0) || Math.abs(dx) <= AXIS_TOLERANCE * size || Math.abs(dy) <= AXIS_TOLERANCE * size) return null;
  return dy > 0 ? (dx > 0 ? 'north-east' : 'north-west') : dx > 0 ? 'south-east' : 'south-west';
}

/** One question: which quadrant will the update from path entry `step` point to? */
export interface PredictionQuestion {
  readonly step: number;
  readonly answer: Quadrant;
  /** Why it points there, in one or two sentences (shown after the reveal). */
  readonly explanation: string;
}

const fmt = (v: number): string => {
  const r = Number(v.toPrecision(2));
  return r < 0 ? `−${Math.abs(r)}` : String(r);
};

/** The question for the update out of path entry `step`, or null (no update there, or on an axis). */
export function predictionAt(analysis: Analysis, step: number): PredictionQuestion | null {
  const entry = entryAt(analysis.run.path, step);
  const update = entry?.update;
  if (!update) return null;
  const [i, j] = analysis.cone.axes;
  const dx = update[i];
  const dy = i === j ? 0 : update[j];
  const answer = quadrantOf(dx, dy);
  if (!answer) return null;
  const parts = [`The update moves w${i + 1} by ${fmt(dx)} and w${j + 1} by ${fmt(dy)}: ${answer}.`];
  const deltas = entry.deltas;
  if (deltas && deltas.length === 1 && analysis.inputs.allPositive) {
    const d = deltas[0];
    parts.push(
      `One sample with δ = ${fmt(d)} ${d > 0 ? '> 0' : '< 0'}: the step −η·δ·x points ${d > 0 ? 'against' : 'along'} the positive input x, so only north-east or south-west is possible.`,
    );
  } else if (deltas && deltas.length > 1 && analysis.inputs.allPositive) {
    const pos = deltas.filter((d) => d > 0).length;
    parts.push(
      pos > 0 && pos < deltas.length
        ? `The batch mixes ${pos} samples with δ > 0 and ${deltas.length - pos} with δ < 0, so the sum of δ·x can point outside the cone.`
        : `Every δ in the batch has the same sign, so the step stays inside the cone (north-east or south-west).`,
    );
  } else if (analysis.inputs.allPositive && (answer === 'north-west' || answer === 'south-east')) {
    parts.push('The inputs are positive, yet this step leaves the cone: the optimizer combines several gradients or rescales coordinates.');
  }
  return { step, answer, explanation: parts.join(' ') };
}

/** The first step ≥ `from` that has a question, or null when none is left. */
export function nextPredictionStep(analysis: Analysis, from: number): number | null {
  const path = analysis.run.path;
  for (let k = Math.max(0, Math.floor(from)); k < path.length; k++) if (predictionAt(analysis, k)) return k;
  return null;
}

/** The verdict on a guess, as the panel announces it. */
export function judgePrediction(question: PredictionQuestion, guess: Quadrant): { readonly correct: boolean; readonly message: string } {
  const correct = guess === question.answer;
  const head = correct ? `Right: the update points ${question.answer}.` : `Not this time: you said ${guess}, the update points ${question.answer}.`;
  return { correct, message: `${head} ${question.explanation}` };
}
