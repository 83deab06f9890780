// The model line's hover as VS Code shows it (vscode.executeHoverProvider) carries the cone
// picture (issue 12 §8): an SVG data URI whose drawing keeps inside its viewBox, in the panel's
// colours on the panel's light card.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONE_FIGURE_COLOURS } from '../../../src/core/editor/hover/coneSvg';
import { useCleanWorkbench, workspaceUri } from '../helpers';
import { hoverText } from './fixtures';

describe("the model line's hover in VS Code", function () {
  this.timeout(60_000);
  useCleanWorkbench();

  for (const file of ['sigmoid-northwest.neuron', 'inside-cone.neuron']) {
    it(`shows the cone picture, unclipped and in the panel's colours (${file})`, async () => {
      const document = await vscode.workspace.openTextDocument(workspaceUri(file));
      await vscode.window.showTextDocument(document);
      const m = /^f = /m.exec(document.getText());
      assert.ok(m, 'a model line');
      const md = await hoverText(document, document.positionAt(m.index + 1));
      const image = /!\[([^\]]*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(md);
      assert.ok(image, `no picture in the hover: ${md.slice(0, 300)}`);
      assert.match(image[1], /allowed cone .*green/);
      const svg = Buffer.from(image[2], 'base64').toString('utf8');
      assert.match(svg, /^<svg [^>]*viewBox="0 0 150 150"/);
      assert.ok(svg.includes(`fill="${CONE_FIGURE_COLOURS.card}"`) && svg.includes(CONE_FIGURE_COLOURS.cone), "the panel's card and cone colour");
      // The arrow to the optimum: green inside the cone, orange outside.
      const arrow = /<path d="M 75 75 L [^"]*" stroke="(#[0-9a-f]{6})" stroke-width="3" fill="none"/.exec(svg);
      assert.ok(arrow, 'the arrow to the optimum');
      assert.equal(arrow[1], file === 'inside-cone.neuron' ? CONE_FIGURE_COLOURS.cone : CONE_FIGURE_COLOURS.outside);
      // Every coordinate of the drawing inside the viewBox.
      for (const n of svg.matchAll(/(?:[xy][12]?|c[xy])="(-?[\d.]+)"|[ML] (-?[\d.]+) (-?[\d.]+)/g)) {
        for (const v of n
          .slice(1)
          .filter((x) => x !== undefined)
          .map(Number))
          assert.ok(v >= 0 && v <= 150, `${n[0]} outside 0–150`);
      }
    });
  }
});
