/**
 * The hover on an unannotated neuron expression (`w @ x + b`, `F.linear(x, W, b)`, …): the chain
 * rule and the sign rule in general terms (docs/science.md: "One neuron and the chain rule", "The
 * sign constraint"), how to get live numbers, and links to those sections.
 */
import { codeSpan } from '../text/markdown';
import { scienceFooter } from '../text/scienceLinks';
import type { NeuronExpression } from './neuronExpressions';

/** Markdown for a recognised expression; `insertLink` is a ready Markdown link (a command) or undefined. */
export function generalNeuronMarkdown(expr: NeuronExpression, insertLink?: string): string {
  const w = codeSpan(expr.weights);
  const x = codeSpan(expr.input);
  const b = expr.bias !== undefined ? ` + ${codeSpan(expr.bias)}` : '';
  const batch =
    expr.form === 'linear' || /(^|\.)(X|inputs?|batch)\b/.test(expr.input)
      ? ' For a batch of inputs the weight gradient is the mean of δₚ·xₚ over the samples.'
      : '';
  return [
    `**A neuron:** f = ${w}·${x}${b}. With δ = ∂L/∂f (one number per sample), the chain rule gives ∂L/∂wᵢ = δ·xᵢ${expr.hasBias ? ' and ∂L/∂b = δ' : ''}: the weight gradient is a multiple of the input.${batch}`,
    `**Sign rule.** If every component of ${x} is positive — sigmoid or ReLU outputs, pixel intensities — every component of δ·x has the sign of δ. A per-sample step then moves all weights up together or all down together; reaching weights that need some up and some down takes a zig-zag. Zero-centred inputs (tanh, mean subtraction, normalisation) remove the constraint.`,
    insertLink
      ? `${insertLink} to see this neuron's numbers, the allowed cone and the path.`
      : 'Add a `neuron:` comment above this line (quick fix: _Insert neuron annotation_) to see its numbers, the allowed cone and the path.',
    scienceFooter('chainRule', 'signConstraint', 'fixes'),
  ].join('\n\n');
}
