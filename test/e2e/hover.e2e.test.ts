// The model line's hover in the real VS Code (issue 12 §8): its cone picture is drawn (the data
// URI passes the workbench's Markdown sanitizer and decodes), whole inside the hover, and kept as a
// screenshot to look at.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { e2e } from './context';
import { useWorkbench } from './workbench';

describe("the hover's cone picture in VS Code", function () {
  this.timeout(120_000);
  const { page, wb } = useWorkbench();

  it("is drawn whole inside the model line's hover", async () => {
    await wb().openFile('sigmoid-northwest.neuron');
    // The model line "f = w·x + b": hover its first characters.
    // The CodeLens above it arrives later and moves the line down: wait for it first.
    await page().locator('.codelens-decoration', { hasText: 'Show Gradient Geometry' }).first().waitFor({ timeout: 30_000 });
    const line = page()
      .locator('.monaco-editor .view-line', { hasText: /^f\s=\sw/ })
      .first();
    await line.waitFor();
    const box = await line.boundingBox();
    assert.ok(box, 'the model line is on screen');
    await page().mouse.move(box.x + 2, box.y + box.height / 2);
    await page().mouse.move(box.x + 5, box.y + box.height / 2);
    const hover = page().locator('.monaco-hover:not(.hidden)').first();
    const image = hover.locator('img[src^="data:image/svg+xml"]').first();
    await image.waitFor({ state: 'visible', timeout: 30_000 });
    await page().waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await image.elementHandle());
    const drawn = await image.evaluate((el) => ({
      natural: (el as HTMLImageElement).naturalWidth,
      width: el.getBoundingClientRect().width,
      height: el.getBoundingClientRect().height,
    }));
    assert.equal(drawn.natural, 150, 'the SVG decodes at its own size');
    assert.ok(drawn.width >= 140 && drawn.height >= 140, `drawn at ${drawn.width}×${drawn.height}`);
    // Whole inside the hover's scrollable content (scrolled into view if the hover is short).
    await image.scrollIntoViewIfNeeded();
    const inside = await image.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const h = el.closest('.monaco-hover')!.getBoundingClientRect();
      return r.left >= h.left - 0.5 && r.right <= h.right + 0.5 && r.top >= h.top - 0.5 && r.bottom <= h.bottom + 0.5;
    });
    assert.ok(inside, 'the picture is not cut by the hover');
    await hover.screenshot({ path: path.join(e2e().artifacts, 'hover-cone.png') });
  });
});
