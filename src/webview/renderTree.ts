/**
 * Creates DOM nodes from the shared SVG tree (src/core/scene/svgTree.ts). Colours come from CSS
 * classes in media/panel.css; attributes are set one by one (never `style`, never innerHTML), so
 * text from the document can never become markup.
 */
import type { SvgNode } from '../core/scene';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function createSvg(node: SvgNode): SVGElement {
  const el = document.createElementNS(SVG_NS, node.tag) as SVGElement;
  // A for-in loop and no array per node: this runs for every element of every plane on each edit.
  const attrs = node.attrs;
  for (const name in attrs) {
    if (name === 'xmlns' || name === 'style') continue;
    el.setAttribute(name, String(attrs[name]));
  }
  if (node.text !== undefined) el.textContent = node.text;
  const children = node.children;
  if (children) for (let k = 0; k < children.length; k++) el.appendChild(createSvg(children[k]));
  return el;
}
