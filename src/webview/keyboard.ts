/**
 * Keyboard shortcuts of the panel. They act when the focus is on the page, the plane or a button;
 * inside a slider, a list or a text field those keys keep their usual meaning (a focused button
 * keeps Space and Enter for itself).
 *
 *   Space         play / pause            ← / →          one step back / forward
 *   Home / End    first / last step       + / −          zoom in / out (0: the whole path)
 *   Shift + arrows  pan the plane
 */

export interface KeyboardActions {
  togglePlay(): void;
  stepBy(delta: number): void;
  goToStart(): void;
  goToEnd(): void;
  zoom(factor: number): void;
  resetZoom(): void;
  /** Pan by a fraction of the visible width/height (x east, y north). */
  pan(dx: number, dy: number): void;
}

export const KEYBOARD_HELP = 'Space play/pause · ←/→ step · Home/End · +/− zoom · 0 whole path · Shift+arrows pan · drag the start or w*; wheel zooms';

function keepsKeys(target: EventTarget | null): 'all' | 'activation' | 'none' {
  if (!(target instanceof HTMLElement)) return 'none';
  const tag = target.tagName;
  if (tag === 'SELECT' || tag === 'TEXTAREA' || target.isContentEditable) return 'all';
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return type === 'checkbox' || type === 'radio' ? 'activation' : 'all';
  }
  if (tag === 'BUTTON' || tag === 'A') return 'activation';
  return 'none';
}

export function attachKeyboard(doc: Document, actions: KeyboardActions): void {
  doc.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const keeps = keepsKeys(e.target);
    if (keeps === 'all') return;
    let handled = true;
    switch (e.key) {
      case ' ':
      case 'Spacebar':
        if (keeps === 'activation') return;
        actions.togglePlay();
        break;
      case 'ArrowRight':
        if (e.shiftKey) actions.pan(0.1, 0);
        else actions.stepBy(1);
        break;
      case 'ArrowLeft':
        if (e.shiftKey) actions.pan(-0.1, 0);
        else actions.stepBy(-1);
        break;
      case 'ArrowUp':
        if (e.shiftKey) actions.pan(0, 0.1);
        else handled = false;
        break;
      case 'ArrowDown':
        if (e.shiftKey) actions.pan(0, -0.1);
        else handled = false;
        break;
      case 'Home':
        actions.goToStart();
        break;
      case 'End':
        actions.goToEnd();
        break;
      case '+':
      case '=':
        actions.zoom(1 / 1.25);
        break;
      case '-':
      case '_':
        actions.zoom(1.25);
        break;
      case '0':
        actions.resetZoom();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });
}
