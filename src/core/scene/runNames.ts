/**
 * Names of the runs of a comparison by what differs between them: the main run is named by its own
 * values of the settings its `compare` variants change ("batch 1" beside the variant "batch all",
 * "no preprocessing" beside "center"), never "main" when the spec is known.
 */
import type { Optimizer, Spec } from '../spec/types';
import { formatNumber } from './geometry';

function optimizerName(o: Optimizer): string {
  switch (o.kind) {
    case 'sgd':
      return 'sgd';
    case 'momentum':
    case 'nesterov':
      return `${o.kind}(${formatNumber(o.beta)})`;
    default:
      return o.kind;
  }
}

/** The main run's own value of one setting a variant changes, in the words of the `compare` line. */
function ownValue(spec: Spec, key: string): string | null {
  switch (key) {
    case 'batch':
      return spec.batch === 'all' || spec.batch >= spec.samples ? 'batch all' : `batch ${spec.batch}`;
    case 'lr':
      return `lr ${formatNumber(spec.lr)}`;
    case 'optimizer':
      return optimizerName(spec.optimizer);
    case 'preprocess':
      return spec.preprocess === 'none' ? 'no preprocessing' : spec.preprocess;
    case 'activation':
      return spec.inputs.kind === 'generated' ? spec.inputs.activation : 'inputs as written';
    case 'shuffle':
      return spec.shuffle ? 'shuffled' : 'in order';
    case 'loss':
      return `${spec.loss} loss`;
    case 'steps':
      return `${spec.steps} steps`;
    default:
      return null;
  }
}

/**
 * The main run's name: its values of every setting the variants change, joined with " + " (the
 * `compare` syntax), or "main" without a spec or variants.
 */
export function mainRunName(spec: Spec | null | undefined): string {
  if (!spec || spec.compare.length === 0) return 'main';
  const keys: string[] = [];
  for (const v of spec.compare) for (const k of Object.keys(v.changes)) if (!keys.includes(k)) keys.push(k);
  const parts = keys.map((k) => ownValue(spec, k)).filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' + ') : 'main';
}
