/**
 * The panel's HTML shell: a strict Content-Security-Policy with a fresh nonce, one stylesheet and
 * one script from the extension's own files, no inline code, nothing remote. The script is
 * dist/webview.js, an ES module shared with the notebook renderer: it starts the panel on a page
 * whose #app is marked `data-gg-view="panel"`. Pure (no vscode), so
 * the host and the Chromium webview tests build exactly the same page.
 */

export interface WebviewHtmlOptions {
  /** `webview.cspSource` (the origin the webview serves local resources from). */
  readonly cspSource: string;
  /** Fresh per page load; see `makeNonce`. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** Document-derived text: escaped here, never interpolated raw. */
  readonly title: string;
}

/** Escapes text for use in HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** n bytes from the Web Crypto API: the same in the Node extension host (Node 20) and a web worker. */
export function webCryptoBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** 32 characters from [A-Za-z0-9], from the given source of random bytes (Web Crypto by default). */
export function makeNonce(randomBytes: (n: number) => Uint8Array = webCryptoBytes): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join('');
}

/** The Content-Security-Policy of the panel. Images only from the extension and data: (exports). */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    // Nothing may rebase relative URLs or submit a form anywhere.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function buildWebviewHtml(o: WebviewHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="app" data-gg-view="panel" aria-label="${escapeHtml(o.title)}"></main>
<script type="module" nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}
