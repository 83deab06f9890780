/** Words about a network that the analysis, the scene and the CLI share (no imports: the webview bundles it). */

/** Why a network trained end to end reports no step-size bound (LearningRateInfo.maxReason, or its end). */
export const NETWORK_NO_BOUND =
  'W and c train too, so the loss is not quadratic and its curvature changes at every step: no fixed step-size bound applies (the curvature of the output weights at each step is reported instead)';

/** Why there is no fixed bound, in a few words: adaptive, a network trained end to end, or both. */
export function noBoundWhy(maxReason: string | null): string {
  const network = maxReason?.endsWith(NETWORK_NO_BOUND) ?? false;
  const adaptive = !network || maxReason !== NETWORK_NO_BOUND;
  return network ? (adaptive ? 'adaptive; a network trained end to end' : 'a network trained end to end') : 'adaptive';
}
