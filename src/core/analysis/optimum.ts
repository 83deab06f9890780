/**
 * The minimiser θ* of the full-data mean loss.
 *
 * Squared loss: ∇L = Hθ − c, so θ* = H⁺c + Π_N θ₀ with the pseudo-inverse
 *   H⁺ = Σ_{λₖ > cut} vₖvₖᵀ/λₖ (cut = PINV_CUTOFF·λmax) and Π_N = Σ_{λₖ ≤ cut} vₖvₖᵀ. With a
 *   full-rank H this is H⁻¹c, independent of θ₀. When H is singular it is the minimiser nearest θ₀,
 *   the one gradient descent from θ₀ reaches (it never moves along the null space).
 * Logistic loss: damped Newton from θ₀, dₖ = −(H + μI)⁻¹∇L with backtracking on L. It stops when
 *   the Newton step is tiny (‖d‖ ≤ 1e-10·(1 + ‖θ‖)). On separable data the infimum is at infinity:
 *   the gradient shrinks but the Newton step does not, ‖θ‖ grows, and no optimum is reported.
 */
import { choleskySolve, dot, norm, type SymmetricEigen } from '../engine/linalg';
import { LINE_SEARCH, NEWTON_ITERATIONS, NEWTON_PASSES } from '../spec/work';
import type { Objective } from '../engine/objective';
import type { Optimum } from './types';

/** Relative eigenvalue cut-off of the pseudo-inverse. */
export const PINV_CUTOFF = 1e-10;

/** The optimum as θ (length q) plus its report, or null with the reason. */
export interface OptimumResult {
  readonly theta: Float64Array | null;
  readonly optimum: Optimum | null;
  /** Why there is no optimum (when theta is null). */
  readonly reason: string | null;
}

function report(obj: Objective, theta: Float64Array, method: Optimum['method'], note: string): OptimumResult {
  const n = obj.n;
  const optimum: Optimum = {
    w: Array.from(theta.subarray(0, n)),
    b: obj.biasTrained ? theta[n] : obj.fixedBias,
    loss: obj.lossAt(theta),
    method,
    note,
  };
  return { theta, optimum, reason: null };
}

const allFinite = (v: Float64Array): boolean => v.every((x) => Number.isFinite(x));

/**
 * Least-squares optimum from θ₀ using the eigen-decomposition H = Σ λₖvₖvₖᵀ of the (constant)
 * Hessian: θ* = H⁺c + Π_N θ₀, where H⁺ = Σ_{kept} vₖvₖᵀ/λₖ and Π_N = Σ_{dropped} vₖvₖᵀ projects on
 * the null space (the eigenvectors whose eigenvalues the pseudo-inverse drops). c = E[y x̃] is
 * −∇L(0), exact. With a full-rank H the start does not enter at all, so a huge θ₀ costs no
 * precision; with a singular H, θ* keeps the start's null-space component, which gradient descent
 * never changes (∇L = Hθ − c lies in the range of H), so it is the minimiser GD reaches from θ₀.
 */
export function leastSquaresOptimum(obj: Objective, theta0: ArrayLike<number>, eig: SymmetricEigen): OptimumResult {
  const q = obj.q;
  const c = new Float64Array(q);
  obj.lossAndGradient(new Float64Array(q), c); // ∇L(0) = −c
  for (let i = 0; i < q; i++) c[i] = -c[i];
  const theta = new Float64Array(q);
  const cut = PINV_CUTOFF * Math.max(eig.values[0] ?? 0, 0);
  let rank = 0;
  for (let k = 0; k < q; k++) {
    const lam = eig.values[k];
    const v = eig.vectors.subarray(k * q, (k + 1) * q);
    const kept = lam > cut && lam > 0;
    if (kept) rank++;
    // Range direction: (vₖ·c)/λₖ; null-space direction: the start's own component vₖ·θ₀.
    const coef = kept ? dot(v, c) / lam : dot(v, theta0);
    for (let i = 0; i < q; i++) theta[i] += coef * v[i];
  }
  if (!allFinite(theta) || !allFinite(c)) {
    return { theta: null, optimum: null, reason: 'the inputs or labels are too large for double precision, so the least-squares optimum is not finite' };
  }
  const note =
    rank === q
      ? 'Least squares: θ* = H⁻¹c (c = E[y x̃]), the unique minimiser (H positive definite); it does not depend on the start.'
      : `Least squares: H has rank ${rank} of ${q}, so the minimisers form a family (θ* plus any null-space direction of H); θ* = H⁺c + Π_N θ₀ keeps the start's null-space component, which gradient descent never changes, so it is the minimiser gradient descent reaches from the start.`;
  return report(obj, theta, 'least-squares', note);
}

/**
 * Damped-Newton optimum of the logistic loss, or null when it does not converge (separable data,
 * or not within the budget). The work is bounded whatever the data: at most NEWTON_ITERATIONS
 * Hessians and NEWTON_PASSES passes over the data for losses and gradients (spec/work.ts counts
 * both before anything runs), the line search at most LINE_SEARCH halvings.
 */
export function newtonOptimum(obj: Objective, theta0: ArrayLike<number>, maxIter = NEWTON_ITERATIONS): OptimumResult {
  const q = obj.q;
  const theta = Float64Array.from(theta0);
  const g = new Float64Array(q);
  const trial = new Float64Array(q);
  const limit = 1e6 * (1 + norm(theta0));
  let loss = obj.lossAndGradient(theta, g);
  let passes = 1;
  let ranAway = false;
  for (let it = 0; it < maxIter && passes < NEWTON_PASSES; it++) {
    const h = obj.hessianAt(theta);
    let tr = 0;
    for (let i = 0; i < q; i++) tr += h[i * q + i];
    let mu = 1e-12 * (tr / q + 1e-300);
    let d: Float64Array | null = null;
    for (let tries = 0; tries < 30 && !d; tries++, mu *= 10) d = choleskySolve(h, q, g, mu);
    if (!d) break;
    for (let i = 0; i < q; i++) d[i] = -d[i];
    const slope = dot(g, d);
    // The Newton decrement −gᵀd is twice the predicted decrease: below the rounding of the loss,
    // θ is the optimum to double precision (‖d‖ itself stalls at the gradient's rounding / λmin).
    if (-slope <= 1e-15 * Math.abs(loss)) {
      return report(obj, theta, 'newton', `Damped Newton on the mean cross-entropy converged in ${it} iterations (‖∇L‖ = ${norm(g).toExponential(1)}).`);
    }
    // Backtracking: halve until the loss decreases enough (Armijo, c = 1e-4).
    let t = 1;
    let next = loss;
    for (let ls = 0; ls < LINE_SEARCH && passes < NEWTON_PASSES; ls++, t /= 2) {
      for (let i = 0; i < q; i++) trial[i] = theta[i] + t * d[i];
      next = obj.lossAt(trial);
      passes++;
      if (next <= loss + 1e-4 * t * slope) break;
    }
    theta.set(trial);
    loss = obj.lossAndGradient(theta, g);
    passes++;
    if (!Number.isFinite(loss) || norm(theta) > limit) {
      ranAway = true;
      break;
    }
    if (norm(d) <= 1e-10 * (1 + norm(theta))) {
      return report(obj, theta, 'newton', `Damped Newton on the mean cross-entropy converged in ${it + 1} iterations (‖∇L‖ = ${norm(g).toExponential(1)}).`);
    }
  }
  return {
    theta: null,
    optimum: null,
    reason:
      ranAway || separates(obj, theta)
        ? 'the logistic loss has no finite minimum here (the classes are separable, so the loss keeps falling as ‖w‖ grows); Newton iterations ran away instead of converging'
        : `damped Newton did not converge within its budget of ${NEWTON_ITERATIONS} iterations and ${NEWTON_PASSES} passes over the data`,
  };
}

/**
 * Whether θ strictly separates 0/1 labels (f > 0 exactly where y = 1): then scaling θ up lowers
 * the logistic loss for ever, a certificate that it has no finite minimum. Soft labels never do.
 */
function separates(obj: Objective, theta: ArrayLike<number>): boolean {
  const { n, P, data } = obj;
  for (let p = 0; p < P; p++) {
    const y = data.y[p];
    if (y !== 0 && y !== 1) return false;
    let f = obj.biasTrained ? theta[n] : obj.fixedBias;
    for (let i = 0; i < n; i++) f += theta[i] * data.x[p * n + i];
    if (y === 1 ? !(f > 0) : !(f < 0)) return false;
  }
  return P > 0;
}

/** θ* for the objective's loss. */
export function findOptimum(obj: Objective, theta0: ArrayLike<number>, eig: SymmetricEigen): OptimumResult {
  return obj.loss === 'squared' ? leastSquaresOptimum(obj, theta0, eig) : newtonOptimum(obj, theta0);
}
