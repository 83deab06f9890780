/**
 * The report's lines about a network spec (core/network/types.ts): the hidden layer, its outputs'
 * signs and cone at the first and last step, the hidden units' gradient rows, and the output
 * weights' curvature at the last step, labelled with its step.
 */
import type { Analysis } from '../core/analysis/types';
import { num } from '../core/editor/text/format';

const pct = (v: number): string => `${Math.round(1000 * v) / 10} %`;

/** Lines for `a.network`, or none. */
export function networkLines(a: Analysis): string[] {
  const net = a.network;
  if (!net) return [];
  const first = net.steps[0];
  const last = net.steps[net.steps.length - 1];
  const k = last?.curvature.conditionNumber ?? null;
  return [
    `network: x (d = ${net.inputDimension}, mean [${net.inputMean.map((m) => num(m)).join(', ')}]) → h = ${net.activation}(W·x${net.hiddenBias ? ' + c' : ''})${net.batchNorm ? ' → batch norm' : ''} (H = ${net.hidden}) → f = w·h${a.biasTrained ? ' + b' : ''}; train = ${net.train}; W ${net.initialiser}`,
    `  hidden outputs all positive at ${pct(net.allPositiveShare)} of the steps; their cone opens ${first ? num(first.cone.openingDegrees, 3) : '–'}° at step ${first?.step ?? 0}${last ? `, ${num(last.cone.openingDegrees, 3)}° at step ${last.step}` : ''}`,
    `  hidden rows ∂L/∂Wⱼ with one sign: ${net.rowSignCoherentShare === null ? '– (W frozen)' : pct(net.rowSignCoherentShare)}; loss ≤ 10⁻⁶ of its start from step ${net.lossConvergedAt ?? '– (never)'}`,
    ...(last
      ? [
          `  curvature of the output weights at step ${last.step}: ${last.curvature.eigenvalues.length === 0 ? 'not finite (the hidden outputs overflow)' : `eigenvalues [${last.curvature.eigenvalues.map((v) => num(v)).join(', ')}], κ = ${k === null ? '∞' : num(k)}`} (the Hessian above is at step 0)`,
        ]
      : []),
  ];
}
