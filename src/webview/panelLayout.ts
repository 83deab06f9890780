/**
 * Where each part of the panel sits on the page (media/panel.css styles them): the header with
 * the title and the animation toolbar, the error banner, then one screen (the plane with the
 * sentence, the key numbers, the timeline and the run's controls beside it: a rail when wide, a
 * strip under the plane when narrow), the screen reader's live region, and below the screen the
 * charts, the keyboard help, the overlays, the full readout and the exports.
 */
import { h } from './dom';
import { KEYBOARD_HELP } from './keyboard';

/** The parts the panel owns, as elements. */
export interface PanelParts {
  readonly title: HTMLElement;
  /** The animation toolbar's controls, in order: play, back, forward, reset, position, speed. */
  readonly toolbar: readonly HTMLElement[];
  readonly scrub: HTMLElement;
  readonly error: HTMLElement;
  readonly figure: HTMLElement;
  readonly multiples: HTMLElement;
  readonly caption: HTMLElement;
  readonly sentence: HTMLElement;
  readonly keyNumbers: HTMLElement;
  readonly predict: HTMLElement;
  readonly controls: HTMLElement;
  readonly network: HTMLElement;
  readonly compareTable: HTMLElement;
  readonly liveRegion: HTMLElement;
  readonly charts: HTMLElement;
  readonly toggles: HTMLElement;
  readonly readout: HTMLElement;
  readonly exports: HTMLElement;
  readonly status: HTMLElement;
}

/** The containers that screenFit.ts measures, and the part below the one screen. */
export interface PanelLayout {
  readonly screen: HTMLElement;
  readonly rail: HTMLElement;
  readonly scrubRow: HTMLElement;
  /** Charts, overlays, readout and exports: below the one screen. */
  readonly more: HTMLElement;
}

/** Puts the parts into `root` (replacing what it held). */
export function layOutPanel(root: HTMLElement, p: PanelParts): PanelLayout {
  const toolbar = h('div', { className: 'gg-controls', attrs: { role: 'toolbar', 'aria-label': 'Path animation' } }, ...p.toolbar);
  const scrubRow = h('div', { className: 'gg-scrub-row' }, p.scrub);
  const rail = h(
    'aside',
    { className: 'gg-rail', testid: 'gg-rail', attrs: { 'aria-label': 'The run at a glance' } },
    h('div', { className: 'gg-lead', testid: 'gg-lead' }, p.caption, p.sentence),
    p.keyNumbers,
    p.predict,
    p.controls,
    // After the run's controls, so that they stay on the one screen whatever the strip's height.
    p.network,
    p.compareTable,
  );
  const screen = h(
    'div',
    { className: 'gg-screen', testid: 'gg-screen' },
    h('div', { className: 'gg-stage', testid: 'gg-stage' }, p.figure, p.multiples, scrubRow),
    rail,
  );
  const more = h(
    'div',
    { className: 'gg-more', testid: 'gg-more' },
    h('div', { className: 'gg-more-main' }, p.charts, h('p', { className: 'gg-help', text: KEYBOARD_HELP })),
    h('div', { className: 'gg-more-side' }, p.toggles, p.readout, p.exports, p.status),
  );
  root.replaceChildren(h('header', { className: 'gg-header' }, p.title, toolbar), p.error, screen, p.liveRegion, more);
  return { screen, rail, scrubRow, more };
}
