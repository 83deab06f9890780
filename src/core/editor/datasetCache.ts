/**
 * The data set of a spec, built once per Spec object. Parse results are memoised by text in the
 * providers, so hovering around one document version reuses one data set (O(P·n) to build).
 */
import { buildDataset, type Dataset } from '../engine/dataset';
import type { Spec } from '../spec/types';

const cache = new WeakMap<Spec, Dataset>();

/** The (preprocessed and raw) inputs and labels of `spec`. */
export function datasetOf(spec: Spec): Dataset {
  let ds = cache.get(spec);
  if (!ds) {
    ds = buildDataset(spec);
    cache.set(spec, ds);
  }
  return ds;
}
