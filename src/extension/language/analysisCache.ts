// One analyzer for every provider: parse, then analyse with the same defaults as the panel (the
// gradientGeometry.defaultSteps setting for specs without `steps`), memoised by text so hovers,
// lenses and diagnostics of one document version share a single analysis.
import { analyzeSpec } from '../../core/analysis/analyze';
import { memoizedAnalyzer, type AnalyzedText, type TextAnalyzer } from '../../core/editor';
import { parseSpec } from '../../core/spec/parse';
import { DEFAULTS } from '../../core/spec/defaults';
import { readSettings } from '../config';

function analyzerFor(defaultSteps: number): TextAnalyzer {
  return memoizedAnalyzer((text): AnalyzedText => {
    const parsed = parseSpec(text, { defaultSteps });
    const spec = parsed.spec;
    if (!spec) return { parsed, analysis: undefined };
    try {
      return { parsed, analysis: analyzeSpec(spec) };
    } catch {
      // The panel reports engine failures; the editor shows the parser's view without numbers.
      return { parsed, analysis: undefined };
    }
  }, 16);
}

/** The shared analyzer; rebuilt when the default-steps setting changes. */
export class AnalysisCache {
  private steps = -1;
  private current: TextAnalyzer = analyzerFor(DEFAULTS.steps);

  readonly analyze: TextAnalyzer = (text) => {
    const steps = readSettings().defaultSteps;
    if (steps !== this.steps) {
      this.steps = steps;
      this.current = analyzerFor(steps);
    }
    return this.current(text);
  };
}
