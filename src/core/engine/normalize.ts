/**
 * Batch and layer normalisation of the inputs (docs/science.md, "Batch and layer normalisation").
 * Row-major P × n inputs, x[p·n + i]; ε = NORM_EPSILON = 1e-5 in both, as in the usual layers.
 *
 *   batch norm (training mode), for the samples of a batch B (indices, repeats allowed):
 *     μ_B,i = (1/|B|) Σ_{p∈B} xₚᵢ,   σ²_B,i = (1/|B|) Σ_{p∈B} (xₚᵢ − μ_B,i)²   (population variance)
 *     x̂ₚᵢ = (xₚᵢ − μ_B,i) / √(σ²_B,i + ε)
 *   With B = one sample, xₚᵢ − μ_B,i = 0: every normalised input is exactly 0.
 *   With B = all samples it is standardisation with the population variance plus ε.
 *
 *   layer norm, for each sample p on its own:
 *     mₚ = (1/n) Σᵢ xₚᵢ,   vₚ = (1/n) Σᵢ (xₚᵢ − mₚ)²,   x̂ₚᵢ = (xₚᵢ − mₚ) / √(vₚ + ε)
 *   With n = 2, d = (xₚ₁ − xₚ₂)/2: x̂ₚ = (d, −d)/√(d² + ε) = ±(1, −1)/√(1 + ε/d²), every sample on
 *   the line through (1, −1). Every x̂ₚ sums to 0 over its features.
 *
 * No affine γ, β: the neuron's w and b scale and shift every normalised input already.
 * Means and variances are two-pass sums in index order (no cancellation from E[x²] − E[x]²).
 */

/** ε of both normalisations (the default of the common deep-learning layers). */
export const NORM_EPSILON = 1e-5;

/**
 * Batch-normalise the rows batch[0 … count−1] of x into out (count × n, in batch order), with the
 * batch's own statistics. `mean` and `inv` (length n) are scratch, left holding μ_B and 1/√(σ²_B + ε).
 */
export function batchNormalizeRows(
  x: ArrayLike<number>,
  n: number,
  batch: ArrayLike<number>,
  count: number,
  out: Float64Array,
  mean: Float64Array = new Float64Array(n),
  inv: Float64Array = new Float64Array(n),
  eps = NORM_EPSILON,
): void {
  mean.fill(0);
  inv.fill(0);
  for (let k = 0; k < count; k++) {
    const row = batch[k] * n;
    for (let i = 0; i < n; i++) mean[i] += x[row + i];
  }
  for (let i = 0; i < n; i++) mean[i] /= count;
  for (let k = 0; k < count; k++) {
    const row = batch[k] * n;
    for (let i = 0; i < n; i++) {
      const d = x[row + i] - mean[i];
      inv[i] += d * d;
    }
  }
  for (let i = 0; i < n; i++) inv[i] = 1 / Math.sqrt(inv[i] / count + eps);
  for (let k = 0; k < count; k++) {
    const row = batch[k] * n;
    const o = k * n;
    for (let i = 0; i < n; i++) out[o + i] = (x[row + i] - mean[i]) * inv[i];
  }
}

/** Batch norm of all P samples as one batch (full-data statistics): the data set's fixed inputs. */
export function batchNormalizeAll(x: Float64Array, P: number, n: number, eps = NORM_EPSILON): Float64Array {
  const all = new Int32Array(P);
  for (let p = 0; p < P; p++) all[p] = p;
  const out = new Float64Array(P * n);
  batchNormalizeRows(x, n, all, P, out, undefined, undefined, eps);
  return out;
}

/** Layer norm of every sample across its n features. */
export function layerNormalize(x: Float64Array, P: number, n: number, eps = NORM_EPSILON): Float64Array {
  const out = new Float64Array(P * n);
  for (let p = 0; p < P; p++) {
    const row = p * n;
    let m = 0;
    for (let i = 0; i < n; i++) m += x[row + i];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const d = x[row + i] - m;
      v += d * d;
    }
    const inv = 1 / Math.sqrt(v / n + eps);
    for (let i = 0; i < n; i++) out[row + i] = (x[row + i] - m) * inv;
  }
  return out;
}
