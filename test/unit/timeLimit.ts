// A limit that guards against a hang (not a speed target: benchmarks check those), scaled for the
// machine's load as every test's timeout is (scripts/lib/timeScale.mjs sets GG_TIME_SCALE).
export function hangLimitMs(idleMs: number): number {
  const scale = Number(process.env.GG_TIME_SCALE);
  return idleMs * (Number.isFinite(scale) && scale > 0 ? scale : 1);
}
