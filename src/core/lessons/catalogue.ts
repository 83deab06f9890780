/**
 * The lesson gallery's order: the files of examples/ in teaching order, from the problem to the
 * fixes. A lesson file that is not listed here is shown after these, by file name.
 */
export const LESSON_ORDER: readonly string[] = [
  'sigmoid-northwest.neuron',
  'inside-cone.neuron',
  'batch-vs-full.neuron',
  'batch-sizes.neuron',
  'tanh.neuron',
  'relu-inputs.neuron',
  'preprocessing.neuron',
  'correlated-inputs.neuron',
  'batchnorm-batch-1.neuron',
  'batchnorm-batch-8.neuron',
  'layernorm-two-inputs.neuron',
  'layernorm-three-inputs.neuron',
  'network-sigmoid-hidden.neuron',
  'network-tanh-hidden.neuron',
  'network-batchnorm.neuron',
  'learning-rate.neuron',
  'momentum.neuron',
  'adam.neuron',
  'learned-shift.neuron',
];

/** Sorts lesson file names into teaching order (unknown names last, alphabetically). */
export function sortLessons(files: readonly string[]): string[] {
  const rank = (f: string): number => {
    const i = LESSON_ORDER.indexOf(f);
    return i < 0 ? LESSON_ORDER.length : i;
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
