/** The overlay toggles and the compare layout switch, bound to the view state's fields. */
import { checkbox, h, select } from './dom';
import type { ViewState } from './state';

export type ToggleKey = 'showEigen' | 'showKappa' | 'showPerSample' | 'showBatch' | 'showVariants';

const TOGGLES: readonly (readonly [ToggleKey, string, string, string])[] = [
  ['showPerSample', 'Per-sample gradients', 'gg-toggle-samples', 'The steps −η δₚxₚ/|B| of the current batch, chained tip to tail: they sum to the batch step'],
  ['showBatch', 'Batch gradient', 'gg-toggle-batch', 'The batch step −η g (for SGD, the update itself)'],
  ['showEigen', 'Valley axes', 'gg-toggle-eigen', "The Hessian's eigen-directions: the long and the steep axis of the loss valley"],
  ['showKappa', 'κ', 'gg-toggle-kappa', "κ = λmax/λmin of the plane's 2 × 2 block of the Hessian and, when the plane is a slice, of all trained parameters"],
  ['showVariants', 'Variants', 'gg-toggle-variants', 'The compare variants'],
];

export class OverlayToggles {
  readonly element: HTMLElement;
  private readonly inputs = new Map<ToggleKey, HTMLInputElement>();
  readonly layout = select('gg-compare-layout', 'Compare layout', [
    ['overlay', 'overlaid'],
    ['side', 'side by side'],
  ]);

  constructor(state: ViewState, onToggle: (key: ToggleKey, on: boolean) => void, onLayout: (mode: 'overlay' | 'side') => void) {
    const labels = TOGGLES.map(([key, text, testid, title]) => {
      const { label, input } = checkbox(text, testid, state[key], title);
      input.addEventListener('change', () => onToggle(key, input.checked));
      this.inputs.set(key, input);
      return label;
    });
    this.layout.value = state.compare;
    this.layout.addEventListener('change', () => onLayout(this.layout.value === 'side' ? 'side' : 'overlay'));
    this.element = h(
      'div',
      { className: 'gg-overlays', attrs: { role: 'group', 'aria-label': 'Overlays' } },
      ...labels,
      h('label', { className: 'gg-field gg-inline' }, h('span', { className: 'gg-field-name', text: 'Variants' }), this.layout),
    );
  }

  /** Every control of the group (the checkboxes and the layout select). */
  get controls(): (HTMLInputElement | HTMLSelectElement)[] {
    return [...this.inputs.values(), this.layout];
  }

  /** Variants controls only make sense when the spec has `compare` entries. */
  setHasVariants(has: boolean): void {
    this.inputs.get('showVariants')!.disabled = !has;
    this.layout.disabled = !has;
  }
}
