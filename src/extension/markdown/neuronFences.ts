import { fenceOptions, isNeuronFence, neuronFigureHtml } from '../../core/figures';
import { LIMITS } from '../../core/spec/types';
import { AnalysisBudget } from '../../core/spec/work';

/** The small part of markdown-it's API the plugin uses (markdown-it ships no types here). */
interface FenceToken {
  readonly info: string;
  readonly content: string;
  readonly map: [number, number] | null;
}
type RenderRule = (tokens: FenceToken[], idx: number, options: unknown, env: unknown, self: unknown) => string;
export interface MarkdownItLike {
  readonly renderer: { rules: Record<string, RenderRule | undefined> };
}

/**
 * markdown-it plugin for VS Code's built-in Markdown preview (`contributes."markdown.markdownItPlugins"`):
 * a fenced ```neuron block becomes its figure (core/figures/markdownFigure.ts); every other fence
 * is left to the previous rule.
 */
export function extendMarkdownIt<T extends MarkdownItLike>(md: T): T {
  const previous = md.renderer.rules.fence;
  // One analysis budget per rendered document (its token array), shared by its figures.
  const budgets = new WeakMap<object, AnalysisBudget>();
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (isNeuronFence(token.info)) {
      let budget = budgets.get(tokens);
      if (!budget) budgets.set(tokens, (budget = new AnalysisBudget(LIMITS.maxAnalysisMs)));
      return neuronFigureHtml(token.content, fenceOptions(token.info), `f${idx}`, token.map?.[0], budget);
    }
    return previous ? previous(tokens, idx, options, env, self) : '';
  };
  return md;
}
