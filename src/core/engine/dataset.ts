/**
 * The data set a spec trains on.
 *
 * 1. Raw inputs xₚ ∈ Rⁿ, p = 0 … P−1: written out, or drawn as xₚᵢ = act(zₚᵢ) with zₚᵢ i.i.d. from
 *    the spec's distribution, from the data stream of the seed, sample-major then component-minor
 *    (z₀₀, z₀₁, …, z₀,ₙ₋₁, z₁₀, …).
 * 2. Labels from the raw (activated, not yet preprocessed) inputs: yₚ = w*·xₚ + b* for the squared
 *    loss, yₚ = σ(w*·xₚ + b*) ∈ (0, 1) for the logistic loss (soft labels, so the teacher is the
 *    minimiser when the model can represent it), or written out.
 * 3. Preprocessing with the data set's own statistics (preprocess.ts); labels stay as they are.
 */
import type { Spec } from '../spec/types';
import { activationDescriptor } from '../registry/activations';
import { sigmoid } from './activations';
import { preprocessInputs } from './preprocess';
import { Rng, STREAM_DATA } from './random';

/** Inputs and labels of one spec. Arrays are row-major: x[p·n + i]. */
export interface Dataset {
  /** Number of samples P. */
  readonly P: number;
  /** Input dimension n. */
  readonly n: number;
  /** Activated inputs before preprocessing (P × n). */
  readonly raw: Float64Array;
  /** Inputs the model trains on, after preprocessing (P × n). */
  readonly x: Float64Array;
  /** Labels yₚ (length P). */
  readonly y: Float64Array;
}

/** Raw inputs (P × n, P × d for a network) of a spec: explicit rows, or seeded draws through the activation. */
export function rawInputs(spec: Spec): Float64Array {
  // With a hidden layer w has H entries; x has the network's input dimension d.
  const n = spec.network?.inputDimension ?? spec.w.length;
  const P = spec.samples;
  const x = new Float64Array(P * n);
  const src = spec.inputs;
  if (src.kind === 'explicit') {
    for (let p = 0; p < P; p++) {
      const row = src.rows[p];
      for (let i = 0; i < n; i++) x[p * n + i] = row[i];
    }
    return x;
  }
  const rng = new Rng(spec.seed, STREAM_DATA);
  const dist = src.distribution;
  const activation = activationDescriptor(src.activation).apply;
  for (let k = 0; k < P * n; k++) {
    const z = dist.kind === 'normal' ? dist.mean + dist.std * rng.normal() : dist.lo + (dist.hi - dist.lo) * rng.uniform();
    x[k] = activation(z);
  }
  return x;
}

/** Labels of a spec for given raw inputs. */
export function labels(spec: Spec, raw: Float64Array): Float64Array {
  const n = spec.w.length;
  const P = spec.samples;
  const y = new Float64Array(P);
  const lab = spec.labels;
  if (lab.kind === 'explicit') {
    for (let p = 0; p < P; p++) y[p] = lab.values[p];
    return y;
  }
  for (let p = 0; p < P; p++) {
    let f = lab.b;
    for (let i = 0; i < n; i++) f += lab.w[i] * raw[p * n + i];
    y[p] = spec.loss === 'logistic' ? sigmoid(f) : f;
  }
  return y;
}

/** Build the data set of a spec: raw inputs, labels from them, preprocessed inputs. Deterministic. */
export function buildDataset(spec: Spec): Dataset {
  const n = spec.w.length;
  const P = spec.samples;
  const raw = rawInputs(spec);
  const y = labels(spec, raw);
  const x = preprocessInputs(spec.preprocess, raw, P, n);
  return { P, n, raw, x, y };
}
