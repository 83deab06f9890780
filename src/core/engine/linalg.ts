/**
 * Dense linear algebra for small-to-medium symmetric problems (n ≤ 1000), on row-major
 * Float64Arrays: A[i][j] = a[i·n + j].
 *
 * The symmetric eigen-decomposition A = V Λ Vᵀ is done in two stages:
 *   1. Householder tridiagonalisation: Qᵀ A Q = T (tridiagonal), Q = H₀ H₁ … H_{n−3},
 *      each H_k = I − β v vᵀ zeroing column k below the sub-diagonal;
 *   2. implicit QL iterations with Wilkinson-type shifts on T, the Givens rotations being
 *      accumulated into Q, so the columns of Q end as the eigenvectors of A.
 * Cost O(n³) with small constants (Jacobi sweeps would be several times slower at n = 1000).
 */

/** x·y over the first `len` entries. */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>, len = x.length): number {
  let s = 0;
  for (let i = 0; i < len; i++) s += x[i] * y[i];
  return s;
}

/** Euclidean norm ‖x‖ over the first `len` entries. */
export function norm(x: ArrayLike<number>, len = x.length): number {
  return Math.sqrt(dot(x, x, len));
}

/** ‖x − y‖ over the first `len` entries. */
export function distance(x: ArrayLike<number>, y: ArrayLike<number>, len = x.length): number {
  let s = 0;
  for (let i = 0; i < len; i++) {
    const d = x[i] - y[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

/**
 * Σₖ a[ao + k]·b[bo + k] for k = 0 … len−1, summed from 0 in that order. The small kernels below
 * are the inner loops of the decompositions: as separate functions they are optimised after a
 * few calls (a cold analysis does not wait for the whole caller to be compiled), and their
 * arithmetic is the plain loop's, operation for operation.
 */
export function dotAt(a: Float64Array, ao: number, b: ArrayLike<number>, bo: number, len: number): number {
  let s = 0;
  for (let k = 0; k < len; k++) s += a[ao + k] * b[bo + k];
  return s;
}

/** a[ao + k] −= f·v[k0 + k], k = 0 … len−1. */
function subScaled(a: Float64Array, ao: number, f: number, v: Float64Array, k0: number, len: number): void {
  for (let k = 0; k < len; k++) a[ao + k] -= f * v[k0 + k];
}

/** Symmetric rank-2 row update a[ao + k] −= vi·p[k0 + k] + qi·v[k0 + k], k = 0 … len−1. */
function subRank2(a: Float64Array, ao: number, vi: number, p: Float64Array, qi: number, v: Float64Array, k0: number, len: number): void {
  for (let k = 0; k < len; k++) a[ao + k] -= vi * p[k0 + k] + qi * v[k0 + k];
}

/** Plane rotation of rows ri and rj (length len): (zᵢ, zⱼ) ← (c·zᵢ − s·zⱼ, s·zᵢ + c·zⱼ). */
function rotateRows(z: Float64Array, ri: number, rj: number, sn: number, cs: number, len: number): void {
  for (let c = 0; c < len; c++) {
    const zi = z[ri + c];
    const zj = z[rj + c];
    z[rj + c] = sn * zi + cs * zj;
    z[ri + c] = cs * zi - sn * zj;
  }
}

/** out = A x for a row-major n × n matrix. */
export function matVec(a: Float64Array, n: number, x: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += a[row + j] * x[j];
    out[i] = s;
  }
  return out;
}

/** Row-major Float64Array → number[][] (for JSON). */
export function toRows(a: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from(a.subarray(i * cols, (i + 1) * cols)));
  return out;
}

/** Eigen-decomposition of a symmetric matrix. */
export interface SymmetricEigen {
  /** Eigenvalues λ₀ ≥ λ₁ ≥ … (descending). */
  readonly values: Float64Array;
  /** Row k (vectors[k·n … k·n+n−1]) is the unit eigenvector of values[k]; its largest-magnitude entry is positive. */
  readonly vectors: Float64Array;
  readonly n: number;
}

/**
 * Householder reduction of symmetric A (overwritten) to tridiagonal T = Qᵀ A Q.
 * Returns the diagonal d, the sub-diagonal e (e[i] = T[i+1][i], e[n−1] = 0) and Qᵀ (row j = column j of Q).
 */
function tridiagonalise(a: Float64Array, n: number): { d: Float64Array; e: Float64Array; qt: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const qt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) qt[i * n + i] = 1;
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  const betas = new Float64Array(n); // 0: no reflection at k
  for (let k = 0; k + 2 < n; k++) {
    // x = A[k+1 … n−1][k]; reflect it onto α e₁ with α = −sign(x₀)‖x‖.
    const x0 = a[(k + 1) * n + k];
    let tail = 0;
    for (let i = k + 2; i < n; i++) tail += a[i * n + k] * a[i * n + k];
    if (tail === 0) {
      e[k] = x0;
      continue;
    }
    const sigma = Math.sqrt(x0 * x0 + tail);
    const alpha = x0 >= 0 ? -sigma : sigma;
    // v = x − α e₁, β = 2 / vᵀv = 1 / (σ² + |x₀| σ).
    v.fill(0);
    v[k + 1] = x0 - alpha;
    for (let i = k + 2; i < n; i++) v[i] = a[i * n + k];
    const beta = 1 / (sigma * sigma + Math.abs(x0) * sigma);
    // p = β A₂₂ v,  K = β vᵀp / 2,  q = p − K v,  A₂₂ ← A₂₂ − v qᵀ − q vᵀ.
    let vp = 0;
    const m = n - k - 1;
    for (let i = k + 1; i < n; i++) {
      p[i] = beta * dotAt(a, i * n + k + 1, v, k + 1, m);
      vp += v[i] * p[i];
    }
    const kk = (beta * vp) / 2;
    for (let i = k + 1; i < n; i++) p[i] -= kk * v[i];
    for (let i = k + 1; i < n; i++) subRank2(a, i * n + k + 1, v[i], p, p[i], v, k + 1, m);
    e[k] = alpha;
    // Keep v (in column k below the diagonal, no longer needed) and β for accumulating Q.
    for (let i = k + 1; i < n; i++) a[i * n + k] = v[i];
    betas[k] = beta;
  }
  if (n >= 2) e[n - 2] = a[(n - 1) * n + (n - 2)];
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  // Qᵀ = H_{n−3} … H₁ H₀, accumulated backwards: Qᵀ ← Qᵀ H_k only touches the trailing block
  // rows/columns k+1 … n−1 (O(m²) per reflection instead of O(mn)).
  for (let k = n - 3; k >= 0; k--) {
    const beta = betas[k];
    if (beta === 0) continue;
    for (let i = k + 1; i < n; i++) v[i] = a[i * n + k];
    const m = n - k - 1;
    for (let r = k + 1; r < n; r++) {
      const at = r * n + k + 1;
      subScaled(qt, at, beta * dotAt(qt, at, v, k + 1, m), v, k + 1, m);
    }
  }
  return { d, e, qt };
}
/**
 * Implicit QL on the tridiagonal (d, e), rotating rows of zt (= columns of Z) along.
 * For each l, deflate when |e[m]| ≤ ε(|d[m]| + |d[m+1]|); otherwise shift by the eigenvalue of
 * the leading 2 × 2 block nearer d[l] and chase the bulge from m−1 up to l with plane rotations.
 */
function tridiagonalQL(d: Float64Array, e: Float64Array, zt: Float64Array, n: number): void {
  const EPS = 2.220446049250313e-16;
  for (let l = 0; l < n; l++) {
    for (let iter = 0; iter < 64; iter++) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= EPS * dd) break;
      }
      if (m === l) break;
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let sn = 1;
      let cs = 1;
      let p = 0;
      let underflow = false;
      for (let i = m - 1; i >= l; i--) {
        const f = sn * e[i];
        const b = cs * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] -= p;
          e[m] = 0;
          underflow = true;
          break;
        }
        sn = f / r;
        cs = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * sn + 2 * cs * b;
        p = sn * r;
        d[i + 1] = g + p;
        g = cs * r - b;
        // Rotate columns i and i+1 of Z (rows of zt).
        rotateRows(zt, i * n, (i + 1) * n, sn, cs, n);
      }
      if (underflow) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
}

/**
 * Eigen-decomposition of a symmetric n × n matrix (row-major; only read, never modified).
 * Eigenvalues descending; eigenvectors unit length with their largest-magnitude entry positive
 * (a deterministic sign).
 */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): SymmetricEigen {
  const a = Float64Array.from(matrix as ArrayLike<number>);
  // Symmetrise against rounding in the caller: A ← (A + Aᵀ)/2.
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = (a[i * n + j] + a[j * n + i]) / 2;
      a[i * n + j] = m;
      a[j * n + i] = m;
    }
  const { d, e, qt } = tridiagonalise(a, n);
  tridiagonalQL(d, e, qt, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j] - d[i] || i - j);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, k) => {
    values[k] = d[src];
    const row = qt.subarray(src * n, src * n + n);
    let big = 0;
    for (let c = 0; c < n; c++) if (Math.abs(row[c]) > Math.abs(row[big])) big = c;
    const len = norm(row);
    const sign = row[big] < 0 ? -1 : 1;
    for (let c = 0; c < n; c++) vectors[k * n + c] = (sign * row[c]) / (len || 1);
  });
  return { values, vectors, n };
}

/**
 * Solve (A + μI) x = b for symmetric positive definite A + μI by Cholesky, A = L Lᵀ.
 * Returns null when a pivot is not positive (not positive definite at this μ).
 */
export function choleskySolve(a: Float64Array, n: number, b: ArrayLike<number>, mu = 0): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j] + (i === j ? mu : 0);
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  // L y = b, then Lᵀ x = y.
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
