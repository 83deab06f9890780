/**
 * Control changes from the panel → text edits of a `.neuron` document. Each change replaces only
 * the value of its statement (the parser's StatementRange.value), or a single element of a vector
 * (StatementRange.elements) for a dragged start or teacher, so comments, spacing and every other
 * statement stay as the user wrote them. A statement that is not written yet (a default) is
 * appended on a line of its own. Pure: the host turns the edits into one WorkspaceEdit.
 */
import { optimizerSpecText } from '../core/optimizers/registry';
import { parseSpec } from '../core/spec/parse';
import type { Optimizer, Spec, StatementKey } from '../core/spec/types';
import type { PlanePoint, SpecChanges } from './protocol';

/** Replace text [start, end) (UTF-16 offsets into the text the edits were computed from). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type SpecEditResult = { readonly ok: true; readonly edits: TextEdit[] } | { readonly ok: false; readonly message: string };

/** A number as the spec should read it: at most 4 significant digits, no "-0", plain or 1e-7 form. */
export function specNumber(v: number): string {
  const r = Number(v.toPrecision(4));
  return String(Object.is(r, -0) ? 0 : r);
}

/** The optimizer as written in a spec: `sgd`, `momentum(0.9)`, `adam(0.9, 0.999, 1e-8)`, … (every parameter, in its module's order). */
export function optimizerText(o: Optimizer): string {
  return optimizerSpecText(o, specNumber);
}

const NAMES: Partial<Record<StatementKey, string>> = { lr: 'lr', batch: 'batch', optimizer: 'optimizer', preprocess: 'preprocess', w: 'w', teacherW: 'w*' };

/** The edits that write `changes` into `text`, or why they cannot be made. */
export function specEdits(text: string, changes: SpecChanges): SpecEditResult {
  const parsed = parseSpec(text);
  const spec = parsed.spec;
  if (!spec) return { ok: false, message: 'The spec has errors: fix them first, then write the controls back.' };
  const edits: TextEdit[] = [];
  const appended: string[] = [];
  const setValue = (key: StatementKey, value: string): void => {
    const range = spec.ranges[key];
    if (range) edits.push({ start: range.value.start, end: range.value.end, newText: value });
    else appended.push(`${NAMES[key]} = ${value}`);
  };
  if (changes.lr !== undefined) setValue('lr', specNumber(changes.lr));
  if (changes.batch !== undefined) {
    if (changes.batch !== 'all' && changes.batch > spec.samples)
      return { ok: false, message: `batch ${changes.batch} is larger than the ${spec.samples} samples.` };
    setValue('batch', String(changes.batch));
  }
  if (changes.optimizer !== undefined) setValue('optimizer', optimizerText(changes.optimizer));
  if (changes.preprocess !== undefined) setValue('preprocess', changes.preprocess);
  if (changes.start !== undefined) {
    const r = vectorEdits(spec, 'w', spec.w, changes.start);
    if (!r.ok) return r;
    edits.push(...r.edits);
    if (r.line) appended.push(r.line);
  }
  if (changes.teacher !== undefined) {
    if (spec.labels.kind !== 'teacher') return { ok: false, message: 'The labels are written out (y = …), so there is no teacher w* to move.' };
    const r = vectorEdits(spec, 'teacherW', spec.labels.w, changes.teacher);
    if (!r.ok) return r;
    edits.push(...r.edits);
    if (r.line) appended.push(r.line);
  }
  if (appended.length > 0) {
    const lead = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    edits.push({ start: text.length, end: text.length, newText: `${lead}${appended.join('\n')}\n` });
  }
  edits.sort((a, b) => a.start - b.start);
  for (let k = 1; k < edits.length; k++) if (edits[k].start < edits[k - 1].end) return { ok: false, message: 'Two changes touch the same text.' };
  return { ok: true, edits };
}

/** Element edits of a written vector, or a whole new statement when the vector is a default. */
function vectorEdits(
  spec: Spec,
  key: 'w' | 'teacherW',
  current: readonly number[],
  p: PlanePoint,
): { ok: true; edits: TextEdit[]; line?: string } | { ok: false; message: string } {
  const n = current.length;
  if (p.axes.some((a) => a >= n)) return { ok: false, message: `The spec has ${n} weights; axis w${Math.max(...p.axes) + 1} does not exist.` };
  const range = spec.ranges[key];
  if (!range) {
    const values = [...current];
    p.axes.forEach((a, k) => (values[a] = p.values[k]));
    return { ok: true, edits: [], line: `${NAMES[key]} = [${values.map(specNumber).join(', ')}]` };
  }
  const elements = range.elements;
  if (!elements || elements.length !== n) return { ok: false, message: `${NAMES[key]} is not written as a list of ${n} numbers.` };
  return { ok: true, edits: p.axes.map((a, k) => ({ start: elements[a].start, end: elements[a].end, newText: specNumber(p.values[k]) })) };
}

/** Applies edits (sorted, non-overlapping) to text: what the document will read afterwards. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** One-based line of each statement written in `text` (for the panel's tooltips). */
export function statementLines(text: string, spec: Spec): Partial<Record<StatementKey, number>> {
  const out: Partial<Record<StatementKey, number>> = {};
  const entries = Object.entries(spec.ranges) as [StatementKey, { statement: { start: number } }][];
  const starts = entries.map(([, r]) => r.statement.start).sort((a, b) => a - b);
  // One pass over the text counting newlines up to each statement start.
  const lineAt = new Map<number, number>();
  let line = 1;
  let pos = 0;
  for (const s of starts) {
    for (; pos < s && pos < text.length; pos++) if (text.charCodeAt(pos) === 10) line++;
    lineAt.set(s, line);
  }
  for (const [key, r] of entries) out[key] = lineAt.get(r.statement.start) ?? 1;
  return out;
}
