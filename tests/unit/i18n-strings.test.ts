/** The interface strings: every English key has French, with the same placeholders. */
import { describe, it, expect } from 'vitest';
import { STRINGS, STRING_PARTS, placeholders, t, type StringKey } from '../../src/i18n/strings';
import { formatDate } from '../../src/data/dates';

describe('the string table', () => {
  it('French has exactly the English keys, each filled', () => {
    expect(Object.keys(STRINGS.fr).sort()).toEqual(Object.keys(STRINGS.en).sort());
    for (const key of Object.keys(STRINGS.en) as StringKey[]) expect(STRINGS.fr[key].trim(), key).not.toBe('');
  });

  it('both languages use the same placeholders', () => {
    for (const key of Object.keys(STRINGS.en) as StringKey[]) {
      expect(placeholders(STRINGS.fr[key]).sort(), key).toEqual(placeholders(STRINGS.en[key]).sort());
    }
  });

  it('t fills the placeholders', () => {
    expect(t('en', 'story.stepOf', { n: 3, total: 40 })).toBe('Step 3 of 40');
    expect(t('fr', 'story.stepOf', { n: 3, total: 40 })).toBe('Étape 3 sur 40');
    expect(t('en', 'story.nextStep')).toBe('Next step');
    expect(t('fr', 'story.previousStep')).toBe('Étape précédente');
    expect(t('en', 'facts.asOf', { date: formatDate('2026-02-08') })).toBe('Facts as of 8 Feb 2026');
    expect(t('fr', 'facts.asOf', { date: formatDate('2026-02-08', 'full', 'fr') })).toBe('Informations à jour au 8 février 2026');
  });

  it('the English strings are those the story panel shows today', () => {
    expect(STRINGS.en['story.previousStep']).toBe('Previous step');
    expect(STRINGS.en['story.progress']).toBe('Progress through the story');
  });

  it('a placeholder left unfilled throws rather than showing "{n}"', () => {
    // @ts-expect-error: the params are required, and the type says so
    expect(() => t('fr', 'story.stepOf')).toThrow(/no value for \{n\}/);
  });
});

describe('the parts of the string table', () => {
  it('no key is defined by two parts (a later part would silently win)', () => {
    const seen = new Map<string, string>();
    for (const [part, table] of Object.entries(STRING_PARTS)) {
      for (const key of Object.keys(table.en)) {
        expect(seen.get(key), `"${key}" is in both ${seen.get(key)} and ${part}`).toBeUndefined();
        seen.set(key, part);
      }
    }
  });
});
