// The tests' XML checker must itself reject what is not well-formed.
import { describe, expect, it } from 'vitest';
import { parseXml, textContent } from './xml';

describe('test XML checker', () => {
  it('accepts well-formed SVG and unescapes text', () => {
    const root = parseXml('<svg xmlns="http://www.w3.org/2000/svg"><title id="a">A &amp; B &lt;c&gt;</title><g class="x"><rect x="1"/></g></svg>');
    expect(textContent(root)).toBe('A & B <c>');
  });
  it.each([
    ['unclosed tag', '<svg><g></svg>'],
    ['mismatched tag', '<svg><g></text></svg>'],
    ['raw ampersand', '<svg><text>A & B</text></svg>'],
    ['raw less-than in attribute', '<svg><g class="a<b"></g></svg>'],
    ['unquoted attribute', '<svg><g class=a></g></svg>'],
    ['duplicate attribute', '<svg><g class="a" class="b"></g></svg>'],
    ['two roots', '<svg></svg><svg></svg>'],
    ['attributes run together', '<svg><g a="1"b="2"></g></svg>'],
  ])('rejects %s', (_name, source) => {
    expect(() => parseXml(source)).toThrow();
  });
});
