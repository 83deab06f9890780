/**
 * What the main plane shows, from the view state (state.ts) and the spec: the scene options of
 * the overlays the user turned on, the teacher's weights (dragged or the spec's), the zoom; and the
 * compare layout, overlaid or side by side.
 */
import type { Analysis } from '../core/analysis/types';
import { mainRunName, plotAspect, type SceneOptions, type Vec2 } from '../core/scene';
import type { Spec } from '../core/spec/types';
import { coordinatesDiffer, ownCoordinates } from './compareTable';
import { PLANE_HEIGHT, PLANE_WIDTH } from './screenFit';
import type { ViewState } from './state';

export type CompareLayout = 'overlay' | 'side';

/**
 * The compare layout on screen: side by side when chosen, or on its own when a variant's
 * preprocessing changes the coordinates (unless the user `chose` a layout in this panel).
 */
export function compareLayout(a: Analysis, spec: Spec | null, state: ViewState, chosen: boolean): CompareLayout {
  if (a.variants.length === 0) return 'overlay';
  if (!chosen && coordinatesDiffer(spec, a)) return 'side';
  return state.compare;
}

/** The main plane's scene options at path entry `step`, in compare layout `layout`. */
export function sceneOptions(a: Analysis, spec: Spec | null, s: ViewState, layout: CompareLayout, step: number): SceneOptions {
  let teacher: Vec2 | null = null;
  if (spec && spec.labels.kind === 'teacher') {
    const [i, j] = spec.view;
    teacher = s.overrides.teacher ?? [spec.labels.w[i], spec.labels.w[j]];
  }
  return {
    step,
    aspect: plotAspect(PLANE_WIDTH, PLANE_HEIGHT),
    eigen: s.showEigen,
    kappa: s.showKappa,
    variants: s.showVariants && layout === 'overlay' && a.variants.length > 0,
    perSample: s.showPerSample,
    batchStep: s.showBatch || s.showPerSample,
    fan: true,
    mainName: mainRunName(spec),
    otherCoordinates: a.variants.map((_, k) => ownCoordinates(spec, k)),
    teacher,
    ...(s.zoom ? { viewport: s.zoom } : {}),
  };
}
