export { animatedRunSvg, type AnimationOptions } from './animatedSvg';
export { fenceOptions, isNeuronFence, neuronFigureHtml, type FenceOptions } from './markdownFigure';
