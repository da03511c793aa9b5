/** French typography: spaces before high punctuation and inside guillemets, before %, and the apostrophe. */
import { describe, it, expect } from 'vitest';
import { frenchTypography } from '../../src/i18n/typography';

const N = '\u202f'; // narrow no-break space
const S = '\u00a0'; // no-break space

describe('frenchTypography', () => {
  it('a narrow no-break space before ; : ! ?, replacing any space there', () => {
    expect(frenchTypography('Pourquoi ? Parce que ; enfin : voilà !')).toBe(`Pourquoi${N}? Parce que${N}; enfin${N}: voilà${N}!`);
    expect(frenchTypography('Pourquoi? Voilà!')).toBe(`Pourquoi${N}? Voilà${N}!`);
    expect(frenchTypography(`Vraiment${S}?`)).toBe(`Vraiment${N}?`);
    expect(frenchTypography('Quoi ?!')).toBe(`Quoi${N}?!`);
  });

  it('inside « », whatever space was there', () => {
    expect(frenchTypography('« blocus »')).toBe(`«${N}blocus${N}»`);
    expect(frenchTypography('«blocus»')).toBe(`«${N}blocus${N}»`);
    expect(frenchTypography(`«${S}blocus${S}» : le mot`)).toBe(`«${N}blocus${N}»${N}: le mot`);
  });

  it('a no-break space between a number and %', () => {
    expect(frenchTypography('38,4 % des importations')).toBe(`38,4${S}% des importations`);
    expect(frenchTypography('95%')).toBe(`95${S}%`);
    expect(frenchTypography(`38,4${N}%`)).toBe(`38,4${S}%`);
  });

  it('the typographic apostrophe', () => {
    expect(frenchTypography("l'essence d'aujourd'hui")).toBe('l’essence d’aujourd’hui');
  });

  it('leaves web addresses exactly as written', () => {
    const url = "https://www.rfi.fr/fr/afrique/mali?page=2&x=l'a:b!";
    expect(frenchTypography(`Source : ${url} ; voir aussi www.essor.ml/a?b`)).toBe(`Source${N}: ${url}${N}; voir aussi www.essor.ml/a?b`);
    expect(frenchTypography('Écrire à mailto:contact@example.org !')).toBe(`Écrire à mailto:contact@example.org${N}!`);
  });

  it('leaves times, ratios, and marks with nothing before them', () => {
    expect(frenchTypography('à 14:30, au 1:500 000')).toBe('à 14:30, au 1:500 000');
    expect(frenchTypography('? au début')).toBe('? au début');
    expect(frenchTypography('(?)')).toBe('(?)');
  });

  it('is idempotent', () => {
    const samples = [
      "« Qu'est-ce que le blocus ? » : 38,4 % ; voir https://example.org/a?b=c !",
      'Pourquoi?!',
      `déjà${N}: fait`,
      '',
    ];
    for (const s of samples) {
      const once = frenchTypography(s);
      expect(frenchTypography(once)).toBe(once);
    }
  });
});
