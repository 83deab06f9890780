import { fenceOptions, isNeuronFence, neuronFigureHtml } from '../../core/figures';

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
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (isNeuronFence(token.info)) return neuronFigureHtml(token.content, fenceOptions(token.info), `f${idx}`, token.map?.[0]);
    return previous ? previous(tokens, idx, options, env, self) : '';
  };
  return md;
}
