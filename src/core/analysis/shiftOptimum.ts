/**
 * The minimisers of a neuron with a trained shift, f = w·(x + s) + b (docs/science.md).
 *
 * The model only ever computes w·x + c with c = w·s + b, so its best loss is that of the plain
 * linear model with a trained bias, reached at (w*, c*) (least squares, or Newton for the logistic
 * loss). Its minimisers are not a point but the set
 *
 *   M = { (w, b, s) : w = w*,  b + w*·s = c* }      (b fixed at b₀: b₀ + w*·s = c*)
 *
 * a hyperplane in (b, s) of dimension n (n − 1 with b fixed): the Hessian is singular there, and
 * which minimiser a run reaches depends on its path. θ* is reported as the point of M nearest to a
 * reference point (the start, or the end of the run so that convergence is measured to the
 * minimiser the run actually approaches): along (1, w*) in (b, s), or along w* in s when b is fixed.
 */
import { buildObjective, type Objective } from '../engine/objective';
import { symmetricEigen } from '../engine/linalg';
import { findOptimum, type OptimumResult } from './optimum';
import type { Optimum } from './types';

/** The linear model's optimum (w*, c*) on the shift objective's data, or the reason there is none. */
export function linearOptimum(obj: Objective): { w: Float64Array; c: number; note: string; method: Optimum['method'] } | { reason: string } {
  const { n } = obj;
  const linear = buildObjective(obj.data, obj.loss, true, 0);
  const theta0 = new Float64Array(n + 1);
  const eig = symmetricEigen(linear.hessianAt(theta0), n + 1);
  const opt = findOptimum(linear, theta0, eig);
  if (!opt.theta || !opt.optimum) return { reason: opt.reason ?? 'the linear model has no optimum' };
  return { w: opt.theta.subarray(0, n), c: opt.theta[n], note: opt.optimum.note, method: opt.optimum.method };
}

/** θ* = the point of M nearest to `reference` (θ = (w, [b], s)); null when the linear model has no optimum. */
export function shiftOptimum(obj: Objective, reference: ArrayLike<number>): OptimumResult {
  const { n, q } = obj;
  const lin = linearOptimum(obj);
  if ('reason' in lin) return { theta: null, optimum: null, reason: lin.reason };
  const so = obj.biasTrained ? n + 1 : n;
  const theta = new Float64Array(q);
  for (let i = 0; i < n; i++) theta[i] = lin.w[i];
  let b = obj.biasTrained ? reference[n] : obj.fixedBias;
  const s = Array.from({ length: n }, (_, i) => reference[so + i]);
  // Residual of the constraint b + w*·s = c*, removed along the direction (1, w*) (or w* in s).
  let ws = 0;
  let ww = 0;
  for (let i = 0; i < n; i++) {
    ws += lin.w[i] * s[i];
    ww += lin.w[i] * lin.w[i];
  }
  const residual = lin.c - b - ws;
  const denom = (obj.biasTrained ? 1 : 0) + ww;
  let exact = true;
  if (denom > 1e-300) {
    const t = residual / denom;
    if (obj.biasTrained) b += t;
    for (let i = 0; i < n; i++) s[i] += t * lin.w[i];
  } else exact = Math.abs(residual) <= 1e-12 * (1 + Math.abs(lin.c));
  if (obj.biasTrained) theta[n] = b;
  for (let i = 0; i < n; i++) theta[so + i] = s[i];
  const note =
    `Trained shift f = w·(x + s)${obj.biasTrained ? ' + b' : ''}: the best loss is the linear model's with a bias (${lin.note.replace(/\.$/, '')}). ` +
    `The minimisers form the set w = w*, ${obj.biasTrained ? 'b + ' : ''}w*·s = c* (c* = ${lin.c.toPrecision(4)}), so H is singular there; θ* is its point nearest to the run's end.` +
    (exact ? '' : ' With w* = 0 and a fixed bias that set is empty: θ* is the best point on it the shift can reach.');
  return {
    theta,
    optimum: { w: Array.from(lin.w), b: obj.biasTrained ? b : obj.fixedBias, s, loss: obj.lossAt(theta), method: lin.method, note },
    reason: null,
  };
}
