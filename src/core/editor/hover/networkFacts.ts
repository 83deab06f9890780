/**
 * The network facts a hover shows (network/analysis.ts): the cone of the hidden outputs, the sign
 * pattern of the hidden units' gradient rows, the curvature at the last step (labelled with it).
 */
import type { Analysis } from '../../analysis/types';
import { fixed, num } from '../text/format';

/** Lines about the network of `analysis` (none for a single neuron). */
export function networkFacts(analysis: Analysis): string[] {
  const net = analysis.network;
  if (!net) return [];
  const last = net.steps[net.steps.length - 1];
  const first = net.steps[0];
  const pos = `${Math.round(100 * net.allPositiveShare)} %`;
  const run = analysis.run;
  const end = run.diverged
    ? `diverged at step ${run.divergedAt ?? run.stepsRun}`
    : run.converged
      ? `converged at step ${run.convergedAt}`
      : net.lossConvergedAt !== null
        ? `its loss converged at step ${net.lossConvergedAt}`
        : `not converged after ${run.stepsRun} steps`;
  const lines = [
    `The neuron on top: ${run.zigzagRatio === null ? 'the path does not move' : `path ${fixed(run.zigzagRatio)}× the straight distance`}, ${Math.round(100 * run.signCoherentFraction)} % sign-coherent updates, ${end}.`,
    `Hidden outputs all positive at ${pos} of the steps (x ${net.inputsAllPositive ? 'is positive too' : `has mean [${net.inputMean.map((m) => num(m)).join(', ')}]`}); their cone opens ${first ? fixed(first.cone.openingDegrees) : '–'}° at step 0${last ? ` and ${fixed(last.cone.openingDegrees)}° at step ${last.step}` : ''}.`,
  ];
  if (net.rowSignCoherentShare !== null)
    lines.push(`Hidden units' gradient rows ∂L/∂Wⱼ with one sign: ${Math.round(100 * net.rowSignCoherentShare)} % (one sign on every row needs x > 0).`);
  else lines.push('W and c are frozen (`train = output`): only the neuron on top learns.');
  if (last) {
    const k = last.curvature.conditionNumber;
    const values = last.curvature.eigenvalues;
    lines.push(
      values.length === 0
        ? `Curvature of the output weights at step ${last.step}: not finite (the hidden outputs overflow).`
        : `Curvature of the output weights at step ${last.step}: λmax = ${num(values[0])}, κ = ${k === null ? '∞' : fixed(k)}. ${net.curvatureNote}`,
    );
  }
  if (net.lossConvergedAt !== null) lines.push(`Loss converged (≤ 10⁻⁶ of its start) at step ${net.lossConvergedAt}.`);
  return lines;
}
