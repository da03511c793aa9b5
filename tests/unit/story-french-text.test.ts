/**
 * Issue 13: the words the story's components write, in French: dates in a sentence, French
 * typography over a rendered paragraph (where punctuation meets tag edges), citation lists, and
 * the page's furniture from the string table.
 */
import { describe, expect, it } from 'vitest';
import { whenText } from '../../src/story/story-text';
import { citationSeparator, frenchHtmlTypography } from '../../src/story/story-typography';
import { singleFileHref } from '../../src/story/story-figures';
import { figureHref } from '../../src/story/graphic-state';
import { t } from '../../src/i18n/strings';
import { loadSiteData } from '../../src/data/load';
import { shortCitation } from '../../src/data/sources';

const NNBSP = '\u202f';
const data = loadSiteData();
const event = (id: string) => {
  const row = data.timeline.find((e) => e.id === id);
  if (!row) throw new Error(`no timeline row ${id}`);
  return row;
};

describe('a date in a French sentence', () => {
  it('a day is "le …", capitalised at the start of a sentence', () => {
    expect(whenText(event('2025-blockade-announced'), {}, 'fr')).toBe('le 3 septembre 2025');
    expect(whenText(event('2025-blockade-announced'), { capital: true }, 'fr')).toBe('Le 3 septembre 2025');
    expect(whenText(event('2025-blockade-announced'), {}, 'en')).toBe('on 3 September 2025');
  });

  it('a span of two days reads "du 6 au 7 septembre", as "au cours du week-end …" and "dans la nuit …" need', () => {
    expect(whenText(event('2025-09-06-sikasso-tankers'), {}, 'fr')).toBe('du 6 au 7 septembre 2025');
    expect(whenText(event('2025-10-29-convoy-bamako'), {}, 'fr')).toBe('du 29 au 30 octobre 2025');
  });

  it('the bare date, for a sentence with its own preposition, has French month names', () => {
    expect(whenText(event('2025-charter-promulgated'), { prep: false }, 'fr')).toBe('10 juillet 2025');
    expect(whenText(event('2025-11-08-au-statement'), { prep: false }, 'fr')).toBe('8–9 novembre 2025');
  });
});

describe('French typography over a rendered paragraph', () => {
  it('spaces punctuation that sits at a tag edge, as a citation list does', () => {
    const html = '<span class="cite">(<a href="/fr/sources/#a">RFI, 4 sept. 2025</a>; <a href="/fr/sources/#b">AFP, 5 sept. 2025</a>)</span>; la suite: rien!';
    expect(frenchHtmlTypography(html)).toBe(
      `<span class="cite">(<a href="/fr/sources/#a">RFI, 4 sept. 2025</a>${NNBSP}; <a href="/fr/sources/#b">AFP, 5 sept. 2025</a>)</span>${NNBSP}; la suite${NNBSP}: rien${NNBSP}!`,
    );
  });

  it('sets guillemets with narrow no-break spaces, even around a tag', () => {
    expect(frenchHtmlTypography('des « <em>procédures</em> »')).toBe(`des «${NNBSP}<em>procédures</em>${NNBSP}»`);
  });

  it('leaves attributes, entities and times alone, and turns straight apostrophes', () => {
    const html = '<a href="https://example.org/a:b?c=d;e" title="x: y">l&#39;article &amp; 14:30</a>';
    expect(frenchHtmlTypography(html)).toBe('<a href="https://example.org/a:b?c=d;e" title="x: y">l’article &amp; 14:30</a>');
  });

  it('leaves an inline script or style exactly as written', () => {
    const html = '<p>a: <script type="module">if (a && b) f(() => 1);</script><style>a::after{content:"; "}</style></p>';
    expect(frenchHtmlTypography(html)).toBe(`<p>a${NNBSP}: <script type="module">if (a && b) f(() => 1);</script><style>a::after{content:"; "}</style></p>`);
  });

  it('keeps markup that looks like text markup escaped', () => {
    expect(frenchHtmlTypography('<p>1 &lt; 2</p>')).toBe('<p>1 &lt; 2</p>');
  });

  it('gives the same text when run twice', () => {
    const once = frenchHtmlTypography('<p>« a » ; b : c</p>');
    expect(frenchHtmlTypography(once)).toBe(once);
  });
});

describe('the French story page furniture', () => {
  it('citations are separated by a narrow no-break space and a semicolon in French', () => {
    expect(citationSeparator('fr')).toBe(`${NNBSP}; `);
    expect(citationSeparator('en')).toBe('; ');
  });

  it('a French citation gives the outlet and a French date, or "non daté"', () => {
    const rfi = data.sources.find((s) => s.id === 'rfi-2025-09-04-blockade')!;
    expect(shortCitation(rfi, 'fr')).toBe('RFI, 4 sept. 2025');
    const undated = data.sources.find((s) => !s.date)!;
    expect(shortCitation(undated, 'fr')).toMatch(/, non daté$/);
  });

  it('labels, progress and translation marks are French', () => {
    expect(t('fr', 'story.stepOf', { n: 3, total: 40 })).toBe('Étape 3 sur 40');
    expect(t('fr', 'story.ourTranslation')).toBe('notre traduction');
    expect(t('en', 'story.ourTranslation')).toBe('our translation');
    expect(t('fr', 'story.dataSummary', { caption: 'x' })).toBe('Données : x');
  });

  it('the French figures and single-file edition are under /fr/, with the English file names', () => {
    expect(figureHref('fuel-prices', 'wide', 'fr')).toBe('/fr/figures/fuel-prices.svg');
    expect(figureHref('fuel-prices', 'narrow', 'en')).toBe('/figures/fuel-prices-narrow.svg');
    expect(singleFileHref('fr')).toBe('/fr/lifelines-story.html');
    expect(singleFileHref('en')).toBe('/lifelines-story.html');
  });
});
