/**
 * The numerically careful activations (the registry, registry/activations.ts, lists every input
 * activation), each written to avoid overflow for large |z|.
 *   sigmoid σ(z) = 1 / (1 + e^{−z}) ∈ (0, 1)        σ'(z) = σ(z)(1 − σ(z))
 *   tanh(z) = 2σ(2z) − 1 ∈ (−1, 1)                  (zero-centred)
 *   relu(z) = max(0, z) ≥ 0
 *   softplus(z) = ln(1 + e^{z}) > 0                  (= max(z, 0) + ln(1 + e^{−|z|}))
 */
/** σ(z), evaluated so that e^{·} never overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const ez = Math.exp(z);
  return ez / (1 + ez);
}

/** softplus(z) = ln(1 + e^{z}), stable for any z. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
