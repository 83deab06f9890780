import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { base64Utf8, svgDataUri } from '../../../src/core/editor/text/base64';
import { fixed, num, stepText, sub, vec } from '../../../src/core/editor/text/format';
import { codeSpan, escapeMarkdown } from '../../../src/core/editor/text/markdown';

describe('editor text helpers', () => {
  describe('base64Utf8', () => {
    it('matches Node for ASCII, Greek, subscripts and astral characters', () => {
      for (const s of ['', 'a', 'ab', 'abc', 'abcd', '<svg>w₁ κ ∂L/∂w</svg>', '😀 x', 'λmax']) {
        assert.equal(base64Utf8(s), Buffer.from(s, 'utf8').toString('base64'));
      }
    });

    it('matches Node on arbitrary strings (lone surrogates become U+FFFD)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (s) => {
          assert.equal(base64Utf8(s), Buffer.from(s, 'utf8').toString('base64'));
        }),
      );
    });

    it('builds an SVG data URI that decodes back', () => {
      const uri = svgDataUri('<svg>w₂</svg>');
      assert.ok(uri.startsWith('data:image/svg+xml;base64,'));
      assert.equal(Buffer.from(uri.split(',')[1], 'base64').toString('utf8'), '<svg>w₂</svg>');
    });
  });

  describe('escapeMarkdown and codeSpan', () => {
    it('neutralises links, images, HTML and emphasis from the document', () => {
      const evil = '[click](command:x) ![i](http://e) <img src=x> *b* _i_ `c`';
      const out = escapeMarkdown(evil);
      assert.ok(!/(^|[^\\])[[\]()*_`]/.test(out.replace(/&lt;|&gt;|&amp;/g, '')), out);
      assert.ok(!out.includes('<'));
    });

    it('fences code spans longer than any backtick run inside', () => {
      assert.equal(codeSpan('lr = 0.1'), '`lr = 0.1`');
      assert.equal(codeSpan('a ` b'), '``a ` b``');
      assert.equal(codeSpan('`x`'), '`` `x` ``');
      assert.ok(!codeSpan('a\nb').includes('\n'));
    });
  });

  describe('number formatting', () => {
    it('uses significant digits and a true minus sign', () => {
      assert.equal(num(-0.31), '−0.31');
      assert.equal(num(0.223200001), '0.223');
      assert.equal(num(7), '7');
      assert.equal(num(1234.5), '1230');
      assert.equal(num(2.5e-7), '2.5×10⁻⁷');
      assert.equal(num(5.5e-16), '0');
      assert.equal(num(Infinity), '∞');
    });

    it('prints κ and ratios with fixed decimals, vectors shortened, subscripts', () => {
      assert.equal(fixed(7), '7.0');
      assert.equal(fixed(-3.25, 1), '−3.3');
      assert.equal(vec([0.5, -0.5]), '[0.5, −0.5]');
      assert.ok(vec([1, 2, 3, 4, 5, 6, 7, 8]).includes('8 in all'));
      assert.equal(sub(12), '₁₂');
    });

    it('writes a step strictly below its bound, however close the two are', () => {
      assert.equal(stepText(0.4523, 0.9), '0.452');
      const bound = 2.0000000001;
      const v = Number(stepText(1.99999999999, bound));
      assert.ok(v < bound && v > 1.99);
      fc.assert(
        fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1e-9, max: 0.5, noNaN: true }), (x, gap) => {
          const bound2 = x * (1 + gap);
          const t = Number(stepText(x, bound2));
          assert.ok(t > 0 && t < bound2);
        }),
      );
    });
  });
});
