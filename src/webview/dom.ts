/** Small DOM helpers for the panel: elements with class, test id, text and attributes (never inline styles). */

export interface Props {
  readonly className?: string;
  readonly testid?: string;
  readonly text?: string;
  readonly attrs?: Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.testid) el.dataset.testid = props.testid;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** A <button type="button">. */
export function button(text: string, testid: string, title: string, className = 'gg-button'): HTMLButtonElement {
  return h('button', { className, testid, text, attrs: { type: 'button', title } });
}

/** A checkbox with its label. */
export function checkbox(text: string, testid: string, checked: boolean, title?: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = h('input', { testid, attrs: { type: 'checkbox' } });
  input.checked = checked;
  const label = h('label', { className: 'gg-toggle', ...(title ? { attrs: { title } } : {}) }, input, document.createTextNode(` ${text}`));
  return { label, input };
}

/** A <select> of (value, text) options. */
export function select(testid: string, label: string, options: readonly (readonly [string, string])[]): HTMLSelectElement {
  const s = h('select', { className: 'gg-select', testid, attrs: { 'aria-label': label } });
  for (const [value, text] of options) s.append(h('option', { text, attrs: { value } }));
  return s;
}

type Control = HTMLButtonElement | HTMLInputElement | HTMLSelectElement;

/**
 * Makes a control unavailable for `reason` (disabled, aria-disabled, the reason as its tooltip and
 * in data-reason), or, with null, available again with its own tooltip. Callers that disable a
 * control for their own logic afterwards just set `disabled`.
 */
export function setUnavailable(control: Control, reason: string | null): void {
  if (reason !== null) {
    if (control.dataset.ownTitle === undefined) control.dataset.ownTitle = control.title;
    control.disabled = true;
    control.setAttribute('aria-disabled', 'true');
    control.dataset.reason = reason;
    control.title = reason;
    return;
  }
  if (control.dataset.ownTitle !== undefined) {
    control.title = control.dataset.ownTitle;
    delete control.dataset.ownTitle;
  }
  if (control.dataset.reason !== undefined) {
    delete control.dataset.reason;
    control.removeAttribute('aria-disabled');
    control.disabled = false;
  }
}
