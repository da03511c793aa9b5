import { describe, it, expect } from 'vitest';
import {
  DEFAULT_EMBED_OPTIONS,
  THEMES,
  carriedEmbedQuery,
  embedQuery,
  parseEmbedOptions,
  readEmbedOptions,
  type EmbedOptions,
} from '../../src/embeds/embed-options';
import { rng, type Rng } from './scenarios/prng';

const STEPS = ['blockade-announced', 'convoys-burned', 'blockade-west', 'convoy-attacks-west'];

describe('embed options: what hosts actually write', () => {
  it('no query string gives the defaults', () => {
    expect(parseEmbedOptions('', STEPS)).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(parseEmbedOptions('?', STEPS)).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(DEFAULT_EMBED_OPTIONS).toEqual({ theme: 'auto', plain: false, static: false, step: null });
  });

  it('reads every option, with or without "?", in any case, with a #fragment', () => {
    expect(parseEmbedOptions('?theme=dark&plain=1&static=1&step=convoys-burned', STEPS)).toEqual({
      theme: 'dark',
      plain: true,
      static: true,
      step: 'convoys-burned',
    });
    expect(parseEmbedOptions('theme=LIGHT&plain=yes&static=true&step=Blockade-West#x', STEPS)).toEqual({
      theme: 'light',
      plain: true,
      static: true,
      step: 'blockade-west',
    });
    expect(parseEmbedOptions('?theme=%20auto%20&plain=off&static=0', STEPS)).toEqual(DEFAULT_EMBED_OPTIONS);
  });

  it('accepts only the steps it is given', () => {
    expect(parseEmbedOptions('?step=convoys-burned', STEPS).step).toBe('convoys-burned');
    expect(parseEmbedOptions('?step=convoys-burned', ['other']).step).toBeNull();
    expect(parseEmbedOptions('?step=no-such-step', STEPS).step).toBeNull();
    expect(parseEmbedOptions('?step=convoys-burned').step).toBeNull();
  });

  it('the first of a repeated parameter wins, even when malformed', () => {
    expect(parseEmbedOptions('?theme=dark&theme=light', STEPS).theme).toBe('dark');
    expect(parseEmbedOptions('?theme=purple&theme=dark', STEPS).theme).toBe('auto');
    expect(parseEmbedOptions('?step=nope&step=convoys-burned', STEPS).step).toBeNull();
  });

  it('ignores unknown keys, prototype names and malformed values', () => {
    for (const query of [
      '?__proto__=1&constructor=x&toString=y',
      '?theme=constructor&plain=__proto__&static=hasOwnProperty&step=__proto__',
      '?theme=<script>&plain=2&static=maybe&step=../../etc/passwd',
      '?theme=%E0%A4%A&plain=%ZZ&step=%00',
      '?step=CONVOYS_BURNED&theme[]=dark&plain[]=1',
    ]) {
      expect(parseEmbedOptions(query, [...STEPS, 'constructor']), query).toEqual(DEFAULT_EMBED_OPTIONS);
    }
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('ignores what lies beyond the length limits', () => {
    const long = `?${'x=1&'.repeat(600)}theme=dark`;
    expect(parseEmbedOptions(long, STEPS).theme).toBe('auto');
    expect(parseEmbedOptions(`?step=${'a'.repeat(65)}`, ['a'.repeat(65)]).step).toBeNull();
  });

  it('embedQuery writes only what differs from the defaults, and reads back the same', () => {
    expect(embedQuery({})).toBe('');
    expect(embedQuery(DEFAULT_EMBED_OPTIONS)).toBe('');
    const all: EmbedOptions = { theme: 'dark', plain: true, static: true, step: 'convoys-burned' };
    expect(embedQuery(all)).toBe('?theme=dark&plain=1&static=1&step=convoys-burned');
    expect(parseEmbedOptions(embedQuery(all), STEPS)).toEqual(all);
    expect(embedQuery({ step: '<bad>' })).toBe('');
  });

  it('the language link’s query carries the reader’s options, in the reader’s order, and nothing else', () => {
    // An embed's footer links to the same graphic in the other language with carriedEmbedQuery(location.search).
    const carried = (search: string) => carriedEmbedQuery(search, STEPS);
    expect(carried('?step=convoys-burned&theme=dark')).toBe('?step=convoys-burned&theme=dark');
    expect(carried('?theme=dark&step=convoys-burned')).toBe('?theme=dark&step=convoys-burned');
    expect(carried('?step=Convoys-Burned&utm_source=x&theme=DARK')).toBe('?step=convoys-burned&theme=dark');
    expect(carried('?static=on&plain=yes&theme=auto')).toBe('?static=1&plain=1');
    expect(carried('?theme=light&theme=dark')).toBe('?theme=light');
    expect(carried('')).toBe('');
    expect(carried('?theme=<script>alert(1)</script>&step=<img src=x onerror=alert(1)>&plain=%E0%A4%A')).toBe('');
    expect(carried('?step=__proto__&theme=constructor')).toBe('');
  });
});

/** A random string of the characters attackers and broken tools produce. */
function hostileString(r: Rng): string {
  const pieces = [
    '&', '=', '?', '#', '%', '%2', '%E0%A4%A', '%00', '%3C', '%3E', '+', ' ', '\u0000', '\uD800', '\u202E', '<', '>', '"', "'",
    '<script>alert(1)</script>', 'javascript:', 'onerror=', '__proto__', 'constructor', 'prototype', 'theme', 'plain',
    'static', 'step', 'dark', 'light', 'auto', '1', '0', 'yes', 'no', 'convoys-burned', 'blockade-west', '-', '--', '..',
    '/', '\\', 'é', '😀', 'A'.repeat(r.int(0, 300)),
  ];
  let s = r.bool() ? '?' : '';
  const n = r.int(0, 40);
  for (let i = 0; i < n; i++) s += r.pick(pieces);
  return s;
}

describe('embed options: fuzzing', () => {
  it('5,000 hostile query strings never throw and always give a well-formed result from our own values', () => {
    const r = rng(20260101);
    for (let n = 0; n < 5000; n++) {
      const query = hostileString(r);
      let options: EmbedOptions;
      try {
        options = readEmbedOptions(query, STEPS);
      } catch (error) {
        throw new Error(`case ${n} threw on ${JSON.stringify(query)}: ${String(error)}`);
      }
      expect(THEMES, `case ${n}`).toContain(options.theme);
      expect(typeof options.plain).toBe('boolean');
      expect(typeof options.static).toBe('boolean');
      expect(options.step === null || STEPS.includes(options.step), `case ${n}: ${JSON.stringify(query)}`).toBe(true);
      expect(Object.keys(options).sort()).toEqual(['plain', 'static', 'step', 'theme']);
      expect(parseEmbedOptions(query, STEPS)).toEqual(options);
      // What the language link carries reads back as the same options, in characters of our own writing.
      const carried = carriedEmbedQuery(query, STEPS);
      expect(carried, `case ${n}: ${JSON.stringify(query)}`).toMatch(/^(\?(theme=(light|dark)|plain=1|static=1|step=[a-z0-9-]+)(&(theme=(light|dark)|plain=1|static=1|step=[a-z0-9-]+))*)?$/);
      expect(parseEmbedOptions(carried, STEPS), `case ${n}`).toEqual(options);
    }
  });

  it('5,000 well-formed option sets survive the round trip through the query string', () => {
    const r = rng(7);
    for (let n = 0; n < 5000; n++) {
      const options: EmbedOptions = {
        theme: r.pick(THEMES),
        plain: r.bool(),
        static: r.bool(),
        step: r.bool() ? null : r.pick(STEPS),
      };
      expect(parseEmbedOptions(embedQuery(options), STEPS), `case ${n}`).toEqual(options);
    }
  });

  it('non-string input gives the defaults', () => {
    for (const bad of [undefined, null, 42, {}, [], Symbol.iterator] as unknown[]) {
      expect(parseEmbedOptions(bad as string, STEPS)).toEqual(DEFAULT_EMBED_OPTIONS);
    }
    expect(parseEmbedOptions('?step=convoys-burned', 'nope' as unknown as string[])).toEqual(DEFAULT_EMBED_OPTIONS);
  });
});
