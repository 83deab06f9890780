/**
 * The 'analysis' message on the wire. The engine records each run's path in typed columns
 * (core/analysis/runPath.ts), and the message carries them as they are: VS Code hands typed arrays
 * to a webview as binary buffers and structured clone copies each in one block, so a run of 2,000
 * steps with its batches and δₚ is a dozen arrays, not thousands of objects. The webview did not
 * make the message, so it checks every run's columns (shapes, lengths, finite values, batch
 * indices) before it draws them.
 *
 * Pure TypeScript: no vscode, no DOM.
 */
import { isRunPath } from '../core/analysis/runPath';
import type { Analysis } from '../core/analysis/types';
import type { HostMessage } from './protocol';

type AnalysisMessage = Extract<HostMessage, { type: 'analysis' }>;

/** Whether every run of `a` (the main run and each variant's) has well-formed path columns. */
export function analysisPathsFit(a: Analysis): boolean {
  const runs = [a, ...(Array.isArray(a.variants) ? a.variants : [])];
  return runs.every((r) => typeof r === 'object' && r !== null && typeof r.run === 'object' && r.run !== null && isRunPath(r.run.path, r.samples));
}

/** The webview's side: the message when its runs' columns are well formed; throws otherwise. */
export function checkAnalysisMessage(msg: AnalysisMessage): AnalysisMessage {
  if (typeof msg.analysis !== 'object' || msg.analysis === null || !analysisPathsFit(msg.analysis))
    throw new Error('analysis: the path columns do not fit the analysis');
  return msg;
}
