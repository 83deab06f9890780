// Property tests explore a new random seed on every local run (fast-check prints the seed of a
// failure so it can be replayed with FC_SEED). CI pins the seed so a landing never depends on luck.
import * as fc from 'fast-check';

before(() => {
  const pinned = process.env.FC_SEED ?? (process.env.CI ? '20261127' : undefined);
  if (pinned !== undefined) fc.configureGlobal({ seed: Number(pinned) });
});
