// The panel's HTML shell: a strict CSP (issue 11 §4 adds base-uri and form-action).
import * as assert from 'node:assert/strict';
import { buildWebviewHtml, contentSecurityPolicy } from '../../../src/shared/webviewHtml';

describe('webview HTML shell', () => {
  const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'abc123');
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v.join(' ')]),
  );

  it('denies by default, and forbids rebasing URLs and submitting forms', () => {
    assert.equal(directives.get('default-src'), "'none'");
    assert.equal(directives.get('base-uri'), "'none'");
    assert.equal(directives.get('form-action'), "'none'");
  });

  it('runs only scripts with the nonce, never inline or eval', () => {
    assert.equal(directives.get('script-src'), "'nonce-abc123'");
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
  });

  it('escapes document-derived text in the shell', () => {
    const html = buildWebviewHtml({
      cspSource: 'vscode-resource:',
      nonce: 'n0',
      scriptUri: 'a.js',
      styleUri: 'a.css',
      title: '</title><script>alert(1)</script>',
    });
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('<title>&#60;/title&#62;&#60;script'));
  });
});
