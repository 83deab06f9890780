/**
 * Recognises code that clearly computes one neuron's pre-activation, f = w·x + b, in the usual
 * array-language spellings:
 *
 *   w @ x + b        x @ W.T + b        np.dot(w, x) + b        torch.matmul(x, W.t()) + b
 *   w.dot(x) + b     F.linear(x, W, b)  torch.nn.functional.linear(x, W)
 *
 * A matrix product counts only when one operand is named like weights (w, W1, w_h, self.weight,
 * theta, kernel, coef), so arbitrary products are not mistaken for neurons. Works line by line:
 * the cost is linear in the line's length.
 */
import type { SourceRange } from '../../diagnostics';

/** One recognised neuron expression. */
export interface NeuronExpression {
  readonly range: SourceRange;
  readonly form: 'matmul' | 'dot' | 'linear';
  /** The operands as written. */
  readonly weights: string;
  readonly input: string;
  readonly bias?: string;
  readonly hasBias: boolean;
}

const ID = String.raw`[A-Za-z_\u0370-\u03ff][\w\u0370-\u03ff]*(?:\.[A-Za-z_][\w]*)*(?:\.t\(\)|\.transpose\(\))?`;
const NUM = String.raw`\d+(?:\.\d*)?(?:[eE][-+]?\d+)?`;
const BIAS = String.raw`(?:\s*\+\s*(${ID}|${NUM}))?`;

const MATMUL = new RegExp(String.raw`(${ID})\s*@\s*(${ID})${BIAS}`, 'g');
const DOT_CALL = new RegExp(String.raw`(?:${ID}\.)?(?:dot|matmul|mm|mv|vdot|inner|matMul)\(\s*(${ID})\s*,\s*(${ID})\s*\)${BIAS}`, 'g');
const DOT_METHOD = new RegExp(String.raw`(${ID})\.(?:dot|matmul)\(\s*(${ID})\s*\)${BIAS}`, 'g');
const LINEAR = new RegExp(String.raw`(?:${ID}\.)?linear\(\s*(${ID})\s*,\s*(${ID})\s*(?:,\s*(${ID}|${NUM})\s*)?\)`, 'g');

/** The operand without a trailing transpose, last dotted segment: `self.W.T` → `W`. */
function baseName(operand: string): string {
  const parts = operand.replace(/(\.t\(\)|\.transpose\(\))$/, '').split('.');
  while (parts.length > 1 && parts[parts.length - 1] === 'T') parts.pop();
  return parts[parts.length - 1] ?? '';
}

/** Named like weights: w, W, W1, w_h, Wx, weights, self.weight, theta, θ, kernel, coef_. */
export function isWeightName(operand: string): boolean {
  const b = baseName(operand);
  return /^[wW][\w]{0,3}$/.test(b) || /weight/i.test(b) || /^(theta|θ|kernel|coef_?)$/i.test(b);
}

function pushMatches(
  line: string,
  offset: number,
  re: RegExp,
  form: NeuronExpression['form'],
  pick: (m: RegExpExecArray) => { weights: string; input: string; bias?: string } | undefined,
  out: NeuronExpression[],
): void {
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const p = pick(m);
    if (!p) continue;
    const bias = p.bias !== undefined && p.bias !== 'None' && p.bias !== 'null' ? p.bias : undefined;
    out.push({
      range: { start: offset + m.index, end: offset + m.index + m[0].length },
      form,
      weights: p.weights,
      input: p.input,
      bias,
      hasBias: bias !== undefined,
    });
  }
}

function byWeights(a: string, b: string, bias: string | undefined): { weights: string; input: string; bias?: string } | undefined {
  if (isWeightName(a)) return { weights: a, input: b, bias };
  if (isWeightName(b)) return { weights: b, input: a, bias };
  return undefined;
}

/** Every neuron expression in one line; `offset` is the line's offset in its document. */
export function neuronExpressionsInLine(line: string, offset = 0): NeuronExpression[] {
  const out: NeuronExpression[] = [];
  if (line.length > 2000) return out; // minified code: not worth recognising, and keeps the cost bounded
  // Cheap substring tests first: most lines have none of these and skip the regular expressions.
  if (line.includes('linear(')) pushMatches(line, offset, LINEAR, 'linear', (m) => ({ input: m[1], weights: m[2], bias: m[3] }), out);
  if (/(dot|matmul|mm|mv|inner|matMul)\(/.test(line)) {
    pushMatches(line, offset, DOT_CALL, 'dot', (m) => byWeights(m[1], m[2], m[3]), out);
    pushMatches(line, offset, DOT_METHOD, 'dot', (m) => byWeights(m[1], m[2], m[3]), out);
  }
  if (line.includes('@')) pushMatches(line, offset, MATMUL, 'matmul', (m) => byWeights(m[1], m[2], m[3]), out);
  // Keep the first of overlapping matches (LINEAR and DOT_CALL come first: they are the most specific).
  const kept: NeuronExpression[] = [];
  for (const e of out) if (!kept.some((k) => e.range.start < k.range.end && k.range.start < e.range.end)) kept.push(e);
  return kept.sort((a, b) => a.range.start - b.range.start);
}

/** Start and end (exclusive, before the line break) of the line containing `offset`. */
export function lineAround(text: string, offset: number): SourceRange {
  const at = Math.max(0, Math.min(offset, text.length));
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** The neuron expression under `offset` (end inclusive), if its line has one. */
export function neuronExpressionAt(text: string, offset: number): NeuronExpression | undefined {
  const line = lineAround(text, offset);
  return neuronExpressionsInLine(text.slice(line.start, line.end), line.start).find((e) => offset >= e.range.start && offset <= e.range.end);
}
