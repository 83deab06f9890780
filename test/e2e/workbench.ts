// A user's-eye driver for the VS Code workbench in the page: open files, run commands from the
// palette, find the Gradient Geometry webview and read its DOM.
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { e2e } from './context';

const WAIT = 30_000;

export class Workbench {
  constructor(readonly page: Page) {}

  /** Opens the workbench on a folder and waits until it is usable. */
  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: WAIT });
    // The explorer shows the folder once the remote file system answered.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: WAIT });
  }

  /** Quick Open (Ctrl+P), type the name, Enter; waits for the editor tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: WAIT });
    await this.page.keyboard.press('Enter');
    await this.tab(name).waitFor({ timeout: WAIT });
    await this.page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: WAIT });
  }

  /** F1, type the command's title, Enter. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // The palette can close as it opens when focus moves meanwhile (a webview settling after a
    // layout change, a terminal restored): open it again, a few times, before giving up.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: WAIT });
        await input.fill(`>${title}`, { timeout: WAIT / 3 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
    // Enter runs the focused row: wait until the filter has put this command there (pressed while the
    // list still showed the recently used commands, Enter ran one of those instead).
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: WAIT });
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: WAIT });
  }

  tab(title: string) {
    return this.page.locator('.tabs-container .tab', { hasText: title }).first();
  }

  /**
   * The webview frame of the panel showing `source` (its title, `data-testid="gg-title"`).
   * Webviews are nested iframes; page.frames() lists them all.
   */
  async panelFrame(source: string, timeoutMs = WAIT): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        try {
          const title = await frame.$('[data-testid="gg-title"]');
          if (title && (await title.textContent()) === source) return frame;
        } catch {
          // detached while looking
        }
      }
      if (Date.now() > deadline) throw new Error(`no Gradient Geometry webview for ${source} among ${this.page.frames().length} frames`);
      await this.page.waitForTimeout(200);
    }
  }

  /**
   * Waits until a webview of the panel showing `source` is (or is no longer) in presenter mode. Every
   * frame is asked each time: a layout change can give the panel a new frame, and a frame found
   * before it would wait forever on the old page.
   */
  async panelPresenting(source: string, on: boolean, timeoutMs = WAIT): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        try {
          const state = await frame.evaluate(() => ({
            title: document.querySelector('[data-testid="gg-title"]')?.textContent ?? null,
            presenting: document.body.classList.contains('gg-presenter'),
          }));
          if (state.title === source && state.presenting === on) return;
        } catch {
          // detached while looking
        }
      }
      if (Date.now() > deadline) throw new Error(`no webview for ${source} ${on ? 'in' : 'out of'} presenter mode among ${this.page.frames().length} frames`);
      await this.page.waitForTimeout(200);
    }
  }

  /** Replaces the whole line `lineNumber` (one-based) of the active editor with `text`, as typed. */
  async replaceLine(lineNumber: number, text: string): Promise<void> {
    // Typed keys can be lost on a busy machine (a focus change as the panel redraws): the cursor's
    // column after typing tells whether every key landed; if not, the line is typed again.
    for (let attempt = 1; ; attempt++) {
      await this.page.locator('.monaco-editor .view-lines').first().click();
      await this.page.keyboard.press('Control+G');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: WAIT });
      await input.fill(`:${lineNumber}`);
      await this.page.keyboard.press('Enter');
      await this.page.keyboard.press('Home');
      await this.page.keyboard.press('Shift+End');
      await this.page.keyboard.type(text);
      const deadline = Date.now() + 5_000;
      let at = await this.cursor();
      while ((at?.line !== lineNumber || at?.column !== text.length + 1) && Date.now() < deadline) {
        await this.page.waitForTimeout(100);
        at = await this.cursor();
      }
      if (at?.line === lineNumber && at.column === text.length + 1) return;
      if (attempt >= 3) throw new Error(`typing "${text}" on line ${lineNumber} left the cursor at ${JSON.stringify(at)}`);
      await this.page.keyboard.press('Escape');
    }
  }

  /** "Ln 12, Col 3" from the status bar. */
  async cursor(): Promise<{ line: number; column: number } | undefined> {
    const text = await this.page
      .locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ })
      .first()
      .textContent({ timeout: WAIT });
    const m = /Ln (\d+), Col (\d+)/.exec(text ?? '');
    return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
  }
}

/**
 * The shared setup of a suite that drives the workbench; call it inside `describe`. Opens a page
 * on the workspace in before(), leaves a screenshot of each failing test in the artifacts folder
 * and closes the page in after(). Returns the page and its Workbench, available once before() has run.
 */
export function useWorkbench(): { page: () => Page; wb: () => Workbench } {
  let page: Page | undefined;
  let wb: Workbench | undefined;

  before(async () => {
    page = await e2e().browser.newPage({ viewport: { width: 1500, height: 950 } });
    wb = new Workbench(page);
    await wb.open(e2e().url, e2e().workspace);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(e2e().artifacts, `${name}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await page?.close();
  });

  const opened = (): { page: Page; wb: Workbench } => {
    if (!page || !wb) throw new Error('the workbench is not open yet (useWorkbench opens it in before())');
    return { page, wb };
  };
  return { page: () => opened().page, wb: () => opened().wb };
}
