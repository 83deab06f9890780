/** Notebooks: the kernel-free controller for neuron cells and the renderer's messages. */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { registerNeuronController } from './neuronController';
import { registerRendererMessages, type RenderedReport } from './rendererMessages';

export { NEURON_CONTROLLER_ID } from './neuronController';
export type { RenderedReport } from './rendererMessages';

export function registerNotebooks(service: AnalysisService, onRendered: (report: RenderedReport) => void = () => undefined): vscode.Disposable {
  return vscode.Disposable.from(registerNeuronController(service), registerRendererMessages(onRendered));
}
