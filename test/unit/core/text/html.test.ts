import { strict as assert } from 'node:assert';
import { escapeHtml } from '../../../../src/core/text/html';

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or close an attribute', () => {
    assert.equal(escapeHtml(`<img src=x onerror="alert('1')"> & more`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; more');
  });

  it('leaves other text, including non-ASCII, as it is', () => {
    assert.equal(escapeHtml('AUC ≥ 0.9 · naïve'), 'AUC ≥ 0.9 · naïve');
  });

  it('escapes an ampersand once, so existing entities print literally', () => {
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
  });
});
