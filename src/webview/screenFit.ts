/**
 * One screen (issue 12): the plane is sized so that one viewport holds it, the sentence, the key
 * numbers, the timeline and the run's main controls. Its height is what the viewport leaves after
 * the header and the scrub row and, when the panel is narrow (the rail under the plane), the rail
 * down to its last main control; the rail never depends on the plane's size when narrow, so this
 * settles at once. Labels keep about 11 px on screen however small the plane is drawn (14 px and
 * more in presenter mode): the font scale that gives them is reported to the owner, which remounts.
 */

/** Drawing size in SVG user units (the element scales to the panel with CSS). */
export const PLANE_WIDTH = 640;
export const PLANE_HEIGHT = 600;
/** Label font scale on the plane in presenter mode. */
export const PRESENTER_FONT_SCALE = 1.5;
/** The panel switches from a strip under the plane to a rail beside it at this width (media/panel.css). */
const WIDE = '(min-width: 760px)';
/** The rail's parts that must be on screen with the plane when the panel is narrow. */
const MAIN_PARTS = ['gg-lead', 'gg-key-numbers', 'gg-lr', 'gg-batch', 'gg-optimizer'];

export interface ScreenParts {
  /** The plane, the side-by-side planes and the scrub row, with the rail beside or under them. */
  readonly screen: HTMLElement;
  readonly rail: HTMLElement;
  readonly scrubRow: HTMLElement;
  /** The side-by-side planes (hidden when overlaid). */
  readonly multiples: HTMLElement;
  readonly presenter: () => boolean;
  /** A new label font scale for the plane (the owner sets it and remounts). */
  readonly fontScaleChanged: (scale: number) => void;
}

export class ScreenFit {
  private frame: number | null = null;
  private scale = 1;

  constructor(private readonly parts: ScreenParts) {
    window.addEventListener('resize', () => this.soon());
    new ResizeObserver(() => this.soon()).observe(parts.rail);
  }

  /** Presenter mode on or off: its own label scale at once, and a remount (the next fit refines the scale). */
  presenterChanged(): void {
    this.scale = this.parts.presenter() ? PRESENTER_FONT_SCALE : 1;
    this.parts.fontScaleChanged(this.scale);
  }

  /** fit() at the next frame (once however often it is asked for). */
  soon(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.fit();
    });
  }

  fit(): void {
    const { screen, rail, scrubRow, multiples } = this.parts;
    const vh = window.innerHeight;
    if (!(vh > 0)) return;
    const top = screen.getBoundingClientRect().top + window.scrollY;
    let reserve = top + scrubRow.offsetHeight + 10;
    if (!window.matchMedia(WIDE).matches) {
      const railTop = rail.getBoundingClientRect().top;
      let bottom = railTop;
      for (const id of MAIN_PARTS) {
        const el = rail.querySelector(`[data-testid="${id}"]`);
        if (el && (el as HTMLElement).offsetParent !== null) bottom = Math.max(bottom, el.getBoundingClientRect().bottom);
      }
      reserve += bottom - railTop + 8;
    }
    const height = Math.max(180, vh - reserve);
    let width = Math.floor((height * PLANE_WIDTH) / PLANE_HEIGHT) + 2;
    const cells = multiples.hidden ? 0 : multiples.childElementCount;
    if (cells > 1) {
      // Side by side: two columns of small planes, each under its caption, in the same height.
      const rows = Math.ceil(cells / 2);
      const caption = multiples.querySelector('.gg-multiple-caption')?.getBoundingClientRect().height ?? 20;
      const cell = ((height - (rows - 1) * 4) / rows - caption - 6) * (PLANE_WIDTH / PLANE_HEIGHT);
      width = Math.floor(2 * Math.max(cell, 100) + 10);
    }
    document.body.style.setProperty('--gg-plane-w', `${width}px`);
    const shown = Math.min(width, screen.clientWidth || width);
    this.setScale(Math.min(1.8, Math.max(this.parts.presenter() ? PRESENTER_FONT_SCALE : 1, Math.round(((11 * PLANE_WIDTH) / Math.max(shown, 1) / 12) * 10) / 10)));
  }

  private setScale(scale: number): void {
    if (scale === this.scale) return;
    this.scale = scale;
    this.parts.fontScaleChanged(scale);
  }
}
