/**
 * The network's own sentence, ahead of the neuron's (analysis/sentence.ts): what the hidden layer
 * does to the signs the neuron on top sees, and what the hidden units' gradient rows look like.
 */
import { fmt } from '../analysis/sentence';
import type { RunResult } from '../analysis/types';
import type { NetworkInfo } from './types';

const pct = (v: number): string => `${Math.round(100 * v)} %`;

/** One or two sentences on the hidden layer of a run. */
export function networkSentence(net: NetworkInfo, run: RunResult): string {
  const x = net.inputsAllPositive ? 'The inputs x are all positive' : `The inputs x are not all positive (mean [${net.inputMean.map(fmt).join(', ')}])`;
  const layer = `${net.activation}(W·x${net.hiddenBias ? ' + c' : ''})${net.batchNorm ? ', batch-normalised,' : ''}`;
  const h =
    net.allPositiveShare === 1
      ? `but the ${net.hidden} hidden outputs h = ${layer} are positive at every step, so the neuron on top sees all-positive inputs`
      : net.allPositiveShare === 0
        ? `and the ${net.hidden} hidden outputs h = ${layer} take both signs at every step`
        : `and the ${net.hidden} hidden outputs h = ${layer} are all positive at ${pct(net.allPositiveShare)} of the steps`;
  const first = `${x}, ${net.inputsAllPositive && net.allPositiveShare === 1 ? h.replace(/^but /, 'and ') : h}.`;
  const rows =
    net.rowSignCoherentShare === null
      ? ' W and c are frozen (train = output): only the neuron on top learns.'
      : ` Each hidden unit's gradient row ∂L/∂Wⱼ (δⱼ·x for one sample) has one sign in ${pct(net.rowSignCoherentShare)} of the steps${net.inputsAllPositive ? ' (x > 0: one sign per row for every single sample)' : ''}.`;
  // With W trained the run may reach a minimiser other than the teacher's: judged by its loss.
  const conv =
    net.train === 'all' && net.lossConvergedAt !== null && !run.converged
      ? ` The loss falls below 10⁻⁶ of its start from step ${net.lossConvergedAt}: the run reached a minimiser other than the teacher's.`
      : '';
  return first + rows + conv;
}
