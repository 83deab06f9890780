/**
 * One screen (issue 12): the plane is sized so that one viewport holds it, the sentence, the key
 * numbers, the timeline and the run's main controls. Its height is what the viewport leaves after
 * the header and the scrub row and, when the panel is narrow (the rail under the plane), the rail
 * down to its last main control; the rail never depends on the plane's size when narrow, so this
 * settles at once. When wide, the plane (or the side-by-side planes) then narrows until the rail
 * beside it, wrapping less, ends its last main control on screen. Labels keep about 11 px on
 * screen however small the plane is drawn (14 px and more in presenter mode), on the main plane and
 * on each side-by-side plane: the font scales that give them are reported to the owner, which
 * remounts.
 */

/** Drawing size in SVG user units (the element scales to the panel with CSS). */
export const PLANE_WIDTH = 640;
export const PLANE_HEIGHT = 600;
/** Label font scale on the plane in presenter mode. */
export const PRESENTER_FONT_SCALE = 1.5;
/** Drawing size of each side-by-side plane (compareView.ts), in SVG user units. */
export const MULTIPLE_WIDTH = 340;
export const MULTIPLE_HEIGHT = 320;
/** Label font scale of the side-by-side planes at least (drawn at about half the main plane's size). */
export const MULTIPLE_FONT_SCALE = 1.6;
/** The plane's smallest label font (ticks, legend) at scale 1, user units (core/scene/planeLabels.ts FONT). */
const SMALLEST_FONT = 11;
/** In presenter mode the smallest label is at least this tall on screen, px (a back row reads 14). */
const PRESENTER_LABEL_PX = 14.5;
/** Labels grow no further than this (a small plane has no room for more). */
const MAX_FONT_SCALE = 2.4;
/** The panel switches from a strip under the plane to a rail beside it at this width (media/panel.css). */
const WIDE = '(min-width: 760px)';
/** The rail's parts that must be on screen with the plane (under it when narrow, beside it when wide). */
const MAIN_PARTS = ['gg-lead', 'gg-key-numbers', 'gg-lr', 'gg-batch', 'gg-optimizer'];
/** Beside a wide rail the planes narrow no further than this, px: one plane, two side by side. */
const MIN_WIDTH = 320;
const MIN_SIDE_WIDTH = 530;

export interface ScreenParts {
  /** The plane, the side-by-side planes and the scrub row, with the rail beside or under them. */
  readonly screen: HTMLElement;
  readonly rail: HTMLElement;
  readonly scrubRow: HTMLElement;
  /** The side-by-side planes (hidden when overlaid). */
  readonly multiples: HTMLElement;
  readonly presenter: () => boolean;
  /** New label font scales for the plane and the side-by-side planes (the owner sets them and remounts). */
  readonly fontScaleChanged: (scale: FontScales) => void;
}

/** Label font scales: the main plane's and each side-by-side plane's. */
export interface FontScales {
  readonly plane: number;
  readonly multiples: number;
}

/**
 * The font scale at which the smallest label of a drawing `units` wide, shown `shown` px wide, is
 * `px` tall on screen; never below `least`, never above MAX_FONT_SCALE; rounded up to a tenth.
 */
export function labelScale(units: number, shown: number, px: number, least: number): number {
  const needed = (px * units) / (SMALLEST_FONT * Math.max(shown, 1));
  return Math.min(MAX_FONT_SCALE, Math.max(least, Math.ceil(needed * 10 - 1e-9) / 10));
}

export class ScreenFit {
  private frame: number | null = null;
  private scale: FontScales = { plane: 1, multiples: MULTIPLE_FONT_SCALE };

  constructor(private readonly parts: ScreenParts) {
    window.addEventListener('resize', () => this.soon());
    new ResizeObserver(() => this.soon()).observe(parts.rail);
  }

  /** Presenter mode on or off: its own label scale at once, and a remount (the next fit refines the scale). */
  presenterChanged(): void {
    this.scale = { plane: this.parts.presenter() ? PRESENTER_FONT_SCALE : 1, multiples: MULTIPLE_FONT_SCALE };
    this.parts.fontScaleChanged(this.scale);
  }

  /** The current label font scales. */
  get scales(): FontScales {
    return this.scale;
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
    if (window.matchMedia(WIDE).matches) width = this.fitRail(width, cells > 1 ? MIN_SIDE_WIDTH : MIN_WIDTH);
    const shown = Math.min(width, screen.clientWidth || width);
    if (!this.parts.presenter()) {
      // A laptop: about 11 px for the 12-unit labels, at most 1.8×; the side-by-side planes at 1.6×.
      this.setScale({
        plane: Math.min(1.8, Math.max(1, Math.round(((11 * PLANE_WIDTH) / Math.max(shown, 1) / 12) * 10) / 10)),
        multiples: MULTIPLE_FONT_SCALE,
      });
      return;
    }
    // A projector: the smallest label at least 14 px, on the plane and on each side-by-side plane
    // (shown as wide as its cell, two to a row).
    const plane = labelScale(PLANE_WIDTH, shown, PRESENTER_LABEL_PX, PRESENTER_FONT_SCALE);
    const cell = multiples.querySelector('.gg-multiple-plane')?.getBoundingClientRect().width || (shown - 10) / 2;
    const small = cells > 1 ? labelScale(MULTIPLE_WIDTH, cell, PRESENTER_LABEL_PX, MULTIPLE_FONT_SCALE) : this.scale.multiples;
    this.setScale({ plane, multiples: small });
  }

  /**
   * Beside the planes (a wide panel), the rail's main parts wrap taller as the planes take width
   * from it: a long sentence next to two side-by-side planes ends below the viewport (1230×630,
   * presenter). Narrow the planes, giving the rail their width, until its last main part is on
   * screen or the planes reach `least` px. Starts from the same width each time (the height's, or
   * the stage's if narrower), so every fit of the same panel ends at the same width. Returns the planes' width.
   */
  private fitRail(width: number, least: number): number {
    // The rail keeps its least width, so the planes may be drawn narrower than asked: start there.
    const stage = this.parts.scrubRow.parentElement?.getBoundingClientRect().width ?? width;
    if (stage > 0 && stage < width) width = Math.floor(stage);
    for (let k = 0; k < 12 && width > least; k++) {
      const over = this.railBottom() - window.innerHeight;
      if (over <= 0) break;
      width = Math.max(least, Math.floor(width - Math.max(16, over)));
      document.body.style.setProperty('--gg-plane-w', `${width}px`);
    }
    return width;
  }

  /** The bottom of the rail's last visible main part, in the viewport's coordinates at scroll 0, px. */
  private railBottom(): number {
    let bottom = 0;
    for (const id of MAIN_PARTS) {
      for (const el of this.parts.rail.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)) {
        if (el.offsetParent !== null) bottom = Math.max(bottom, el.getBoundingClientRect().bottom + window.scrollY);
      }
    }
    return bottom + 4;
  }

  private setScale(scale: FontScales): void {
    if (scale.plane === this.scale.plane && scale.multiples === this.scale.multiples) return;
    this.scale = scale;
    this.parts.fontScaleChanged(scale);
  }
}
