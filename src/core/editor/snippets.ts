/**
 * Whole-lesson snippets (VS Code snippet syntax: `$` `}` `\` escaped in literal text). Each lesson
 * is a valid spec as written; the unit tests parse every one with the placeholders filled in.
 */
import { defaultOptimizer, OPTIMIZER_LIST, optimizerSpecText } from '../optimizers/registry';
import { ACTIVATION_KINDS } from '../registry/activations';
import { PREPROCESS_KINDS } from '../registry/preprocessings';
import { DEFAULT_LESSON } from '../spec/defaults';
import type { CompletionEntry } from './types';

/** A snippet choice `${tab|a,b|}` (commas inside an option escaped). */
export function snippetChoice(options: readonly string[], tab = 1): string {
  return `\${${tab}|${options.map((o) => o.replace(/,/g, '\\,')).join(',')}|}`;
}

/** Every registered optimizer as a choice: `momentum(0.9)` for those usually written with their first parameter, bare names for adaptive ones. */
export const OPTIMIZER_OPTIONS: readonly string[] = OPTIMIZER_LIST.map((d) =>
  d.params.length > 0 && !d.adaptive ? optimizerSpecText(defaultOptimizer(d.kind), String) : d.kind,
);

/** The activations that wrap a distribution (identity is the bare distribution). */
export const ACTIVATION_OPTIONS: readonly string[] = ACTIVATION_KINDS.filter((a) => a !== 'identity');

/** Every preprocessing. */
export const PREPROCESS_OPTIONS: readonly string[] = PREPROCESS_KINDS;

/** Escapes literal text for a snippet body. */
export function snippetLiteral(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

const STARTER = `# One neuron with all-positive (sigmoid) inputs: batch-1 SGD has to zig-zag
# because the target lies north-west of the start, outside the allowed cone.
f = w·x + b
x ~ ${snippetChoice(ACTIVATION_OPTIONS, 1)}(normal(0, 1))
samples = \${2:64}
seed = 1
w* = [\${3:-1}, \${4:1}]
w = [\${5:1.5}, \${6:-0.5}]
loss = squared
optimizer = ${snippetChoice(OPTIMIZER_OPTIONS, 7)}
lr = \${8:0.5}
batch = \${9:1}
steps = \${10:200}
preprocess = ${snippetChoice(PREPROCESS_OPTIONS, 11)}
$0`;

const INSIDE_CONE = `# The honest counterpoint: the target lies north-east of the start, inside the allowed cone,
# so every step can head straight there and there is no zig-zag.
f = w·x + b
x ~ sigmoid(normal(0, 1))
samples = 64
w* = [\${1:1}, \${2:1}]
w = [\${3:-0.5}, \${4:-0.5}]
lr = \${5:0.5}
steps = 200
$0`;

const FIXES = `# The zig-zag and the fixes, side by side.
x ~ sigmoid(normal(0, 1))
w* = [-1, 1]
w = [1.5, -0.5]
lr = 0.5
compare = \${1:center, tanh, batch all, momentum(0.9)}
$0`;

/** Lesson snippets offered at the start of a statement. */
export const LESSON_SNIPPETS: readonly CompletionEntry[] = [
  {
    label: 'lesson: starter (zig-zag)',
    kind: 'snippet',
    isSnippet: true,
    insertText: STARTER,
    sortText: '9-1',
    detail: 'A whole starter lesson: positive inputs, target outside the cone',
    documentation:
      'Sigmoid inputs are all positive, so every per-sample gradient δ·x has one sign; the target lies north-west of the start, so batch-1 SGD zig-zags.',
  },
  {
    label: 'lesson: no zig-zag (target inside the cone)',
    kind: 'snippet',
    isSnippet: true,
    insertText: INSIDE_CONE,
    sortText: '9-2',
    detail: 'The counterpoint: the way to the target lies inside the cone',
    documentation: 'With the target to the north-east of the start, steps can head straight there: positive inputs alone do not force a zig-zag.',
  },
  {
    label: 'lesson: compare the fixes',
    kind: 'snippet',
    isSnippet: true,
    insertText: FIXES,
    sortText: '9-3',
    detail: 'Centring, tanh, full batch and momentum beside the main run',
    documentation: 'Runs the default lesson and its fixes side by side (`compare`).',
  },
  {
    label: 'lesson: default (every statement)',
    kind: 'snippet',
    isSnippet: true,
    insertText: snippetLiteral(DEFAULT_LESSON),
    sortText: '9-4',
    detail: 'The default lesson written out, with comments',
    documentation: 'Every statement with its default value and a comment on what it means.',
  },
];
