/**
 * Which hover to show at an offset of a `.neuron` text: the statement under the cursor decides.
 * Pure and total: any text, any offset, any parse result gives a hover or undefined, never throws.
 */
import type { Analysis } from '../../analysis/types';
import type { ParseResult, StatementKey, StatementRange } from '../../spec/types';
import type { HoverContent } from '../types';
import { type HoverContext, hoverContext } from './context';
import { inputsMarkdown } from './inputsHover';
import { learningRateMarkdown } from './learningRateHover';
import { modelMarkdown } from './modelHover';
import { NETWORK_HOVER_KEYS, networkMarkdown } from './networkHover';
import { settingMarkdown } from './settingsHovers';
import { batchMarkdown, lossMarkdown, optimizerMarkdown, preprocessMarkdown } from './trainingHovers';
import { biasMarkdown, labelsMarkdown, teacherMarkdown, weightsMarkdown } from './weightsHovers';

/** The Markdown for one statement key. */
export function statementMarkdown(ctx: HoverContext, key: StatementKey): string {
  // A network's neuron reads h, not x: these statements get the network's own hover.
  if (ctx.spec?.network && NETWORK_HOVER_KEYS.has(key)) return networkMarkdown(ctx, key);
  switch (key) {
    case 'model':
      return modelMarkdown(ctx);
    case 'x':
      return inputsMarkdown(ctx);
    case 'lr':
      return learningRateMarkdown(ctx);
    case 'batch':
      return batchMarkdown(ctx);
    case 'optimizer':
      return optimizerMarkdown(ctx);
    case 'loss':
      return lossMarkdown(ctx);
    case 'preprocess':
      return preprocessMarkdown(ctx);
    case 'w':
      return weightsMarkdown(ctx);
    case 'teacherW':
    case 'teacherB':
      return teacherMarkdown(ctx, key);
    case 'b':
      return biasMarkdown(ctx);
    case 'y':
      return labelsMarkdown(ctx);
    case 'samples':
    case 'seed':
    case 'steps':
    case 'shuffle':
    case 'compare':
    case 'view':
    case 'shift':
    case 'predict':
    case 'lock':
    case 'hide':
      return settingMarkdown(ctx, key);
    case 'hidden':
    case 'hiddenLayer':
    case 'hiddenW':
    case 'hiddenC':
    case 'train':
      return networkMarkdown(ctx, key);
  }
}

/** The statement whose range contains `offset` (end inclusive, so a cursor just after a value counts). */
export function statementAt(ranges: ParseResult['ranges'], offset: number): { key: StatementKey; range: StatementRange } | undefined {
  let best: { key: StatementKey; range: StatementRange } | undefined;
  for (const key of Object.keys(ranges) as StatementKey[]) {
    const range = ranges[key];
    if (!range) continue;
    const r = range.statement;
    if (offset >= r.start && offset <= r.end) {
      // Prefer the narrowest statement (nested ranges should not occur, but be deterministic).
      if (!best || r.end - r.start < best.range.statement.end - best.range.statement.start) best = { key, range };
    }
  }
  return best;
}

/**
 * Hover at `offset` of a `.neuron` text. `analysis` belongs to `parsed.spec` (ignored when the text
 * has errors). Returns undefined outside any statement.
 */
export function hoverAt(text: string, offset: number, parsed: ParseResult, analysis: Analysis | undefined): HoverContent | undefined {
  const hit = statementAt(parsed.ranges, offset);
  if (!hit) return undefined;
  const markdown = statementMarkdown(hoverContext(text, parsed, analysis), hit.key);
  return markdown.length > 0 ? { markdown, range: hit.range.statement } : undefined;
}
