/** Addresses in two languages: English at the root, French under /fr/, the same path after it. */
import { describe, it, expect } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, alternatePath, htmlLang, isLocale, localeFromPath, localePath, otherLocale } from '../../src/i18n/locale';

describe('languages', () => {
  it('English is the default, French the other', () => {
    expect(LOCALES).toEqual(['en', 'fr']);
    expect(DEFAULT_LOCALE).toBe('en');
    expect(otherLocale('en')).toBe('fr');
    expect(otherLocale('fr')).toBe('en');
    expect(htmlLang('fr')).toBe('fr');
    expect(htmlLang('en')).toBe('en');
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('de')).toBe(false);
  });
});

describe('localePath', () => {
  it('prefixes French with /fr and leaves English at the root', () => {
    expect(localePath('fr', '/scenarios/')).toBe('/fr/scenarios/');
    expect(localePath('en', '/scenarios/')).toBe('/scenarios/');
    expect(localePath('fr', '/')).toBe('/fr/');
    expect(localePath('fr', '')).toBe('/fr/');
    expect(localePath('en', '/')).toBe('/');
    expect(localePath('fr', 'embed/timeline/')).toBe('/fr/embed/timeline/');
  });

  it('keeps the query and the hash', () => {
    expect(localePath('fr', '/scenarios/?corridor=dakar&view=table#rules')).toBe('/fr/scenarios/?corridor=dakar&view=table#rules');
    expect(localePath('fr', '/#step-blockade')).toBe('/fr/#step-blockade');
    expect(localePath('fr', '#step-blockade')).toBe('/fr/#step-blockade');
  });

  it('replaces a language prefix already there, never doubles it', () => {
    expect(localePath('fr', '/fr/scenarios/')).toBe('/fr/scenarios/');
    expect(localePath('en', '/fr/scenarios/')).toBe('/scenarios/');
    expect(localePath('en', '/fr/')).toBe('/');
    expect(localePath('en', '/fr')).toBe('/');
    // A path that merely starts with the letters is not French.
    expect(localePath('fr', '/frames/')).toBe('/fr/frames/');
  });

  it('puts the base path first when the site is deployed under one', () => {
    expect(localePath('fr', '/scenarios/', '/lifelines/')).toBe('/lifelines/fr/scenarios/');
    expect(localePath('en', '/scenarios/', '/lifelines')).toBe('/lifelines/scenarios/');
    expect(localePath('fr', '/', '/lifelines/')).toBe('/lifelines/fr/');
  });

  it('leaves addresses of other sites alone', () => {
    expect(localePath('fr', 'https://example.org/a/')).toBe('https://example.org/a/');
    expect(localePath('fr', 'mailto:x@example.org')).toBe('mailto:x@example.org');
    expect(localePath('fr', '//cdn.example.org/x.js')).toBe('//cdn.example.org/x.js');
  });
});

describe('localeFromPath', () => {
  it('reads the language from the address', () => {
    expect(localeFromPath('/fr/scenarios/')).toBe('fr');
    expect(localeFromPath('/fr/')).toBe('fr');
    expect(localeFromPath('/fr')).toBe('fr');
    expect(localeFromPath('/fr/?x=1#y')).toBe('fr');
    expect(localeFromPath('/')).toBe('en');
    expect(localeFromPath('/scenarios/')).toBe('en');
    expect(localeFromPath('/frames/')).toBe('en');
    expect(localeFromPath('/scenarios/?lang=fr')).toBe('en');
  });

  it('under a base path', () => {
    expect(localeFromPath('/lifelines/fr/embed/map/', '/lifelines/')).toBe('fr');
    expect(localeFromPath('/lifelines/', '/lifelines/')).toBe('en');
    expect(localeFromPath('/lifelines', '/lifelines/')).toBe('en');
  });
});

describe('alternatePath: the same page in the other language', () => {
  it('switches both ways, keeping the place', () => {
    expect(alternatePath('/scenarios/?corridor=dakar#rules')).toBe('/fr/scenarios/?corridor=dakar#rules');
    expect(alternatePath('/fr/scenarios/?corridor=dakar#rules')).toBe('/scenarios/?corridor=dakar#rules');
    expect(alternatePath('/')).toBe('/fr/');
    expect(alternatePath('/fr/')).toBe('/');
    expect(alternatePath('/#step-fuel')).toBe('/fr/#step-fuel');
    expect(alternatePath('/embed/timeline/?theme=dark')).toBe('/fr/embed/timeline/?theme=dark');
  });

  it('to a named language, possibly the same one', () => {
    expect(alternatePath('/fr/glossary/', 'fr')).toBe('/fr/glossary/');
    expect(alternatePath('/glossary/', 'en')).toBe('/glossary/');
  });

  it('under a base path', () => {
    expect(alternatePath('/lifelines/scenarios/', undefined, '/lifelines/')).toBe('/lifelines/fr/scenarios/');
    expect(alternatePath('/lifelines/fr/scenarios/', undefined, '/lifelines/')).toBe('/lifelines/scenarios/');
    expect(alternatePath('/lifelines/fr/', undefined, '/lifelines/')).toBe('/lifelines/');
  });

  it('round-trips', () => {
    for (const p of ['/', '/scenarios/', '/sources/#src-rfi', '/embed/map/?view=wide', '/classroom/handout/']) {
      expect(alternatePath(alternatePath(p))).toBe(p);
    }
  });
});
