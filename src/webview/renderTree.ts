/**
 * Creates DOM nodes from the shared SVG tree (src/core/scene/svgTree.ts). Colours come from CSS
 * classes in media/panel.css; attributes are set one by one (never `style`, never innerHTML), so
 * text from the document can never become markup.
 */
import type { SvgNode } from '../core/scene';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function createSvg(node: SvgNode): SVGElement {
  const el = document.createElementNS(SVG_NS, node.tag) as SVGElement;
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name === 'xmlns' || name === 'style') continue;
    el.setAttribute(name, String(value));
  }
  if (node.text !== undefined) el.textContent = node.text;
  for (const child of node.children ?? []) el.appendChild(createSvg(child));
  return el;
}
