export { animatedRunSvg, type AnimationOptions } from './animatedSvg';
export { fenceOptions, isNeuronFence, locatedProblems, neuronFigureHtml, type FenceOptions } from './markdownFigure';
