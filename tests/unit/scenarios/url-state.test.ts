import { describe, it, expect } from 'vitest';
import { ASSUMPTION_IDS, SCENARIO_IDS, type ScenarioId } from '../../../src/scenarios/model';
import {
  CODEC,
  DEFAULT_ASSUMPTIONS,
  MAX_QUERY_LENGTH,
  MIGRATIONS,
  URL_VERSION,
  decode,
  defaultPair,
  defaultState,
  encode,
  isValidState,
  parseQuery,
  readState,
  toSearch,
  upgrade,
  type CodecConfig,
  type Estimate,
  type ExplorerState,
  type Migration,
  type Pair,
} from '../../../src/scenarios/url-state';
import { rng, type Rng } from './prng';
import { alternatePath } from '../../../src/i18n/locale';

function randomCompare(r: Rng): ScenarioId[] {
  for (;;) {
    const picked = SCENARIO_IDS.filter(() => r.bool());
    if (picked.length >= 2) return picked;
  }
}

function randomEstimate(r: Rng): Estimate {
  // Three cut points in 0..100 give four whole parts that add up to 100.
  const cuts = [r.int(0, 100), r.int(0, 100), r.int(0, 100)].sort((a, b) => a - b) as [number, number, number];
  return [cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 100 - cuts[2]];
}

function randomPair(r: Rng): Pair {
  const a = r.pick(SCENARIO_IDS);
  const b = r.pick(SCENARIO_IDS.filter((id) => id !== a));
  return [a, b];
}

function randomState(r: Rng): ExplorerState {
  const compare = r.next() < 0.3 ? [...SCENARIO_IDS] : randomCompare(r);
  return {
    compare,
    pair: r.bool() ? defaultPair(compare) : randomPair(r),
    assumptions: { escorts: r.bool(), reforms: r.bool(), dialogue: r.bool(), uncoordinated: r.bool() },
    estimate: r.bool() ? null : randomEstimate(r),
  };
}

/** A state with other scenarios set side by side, and the phone pair those imply (as a link without p= gives). */
function comparing(compare: ScenarioId[], base: ExplorerState = defaultState()): ExplorerState {
  return { ...base, compare, pair: defaultPair(compare) };
}

/** Only characters our own constants can produce: nothing from the input can appear in a decoded state. */
const SAFE_JSON = /^[{}[\]",:a-z0-9]*$/;

describe('encoding', () => {
  it('the default state encodes to nothing at all', () => {
    expect(encode(defaultState())).toBe('');
    expect(toSearch(defaultState())).toBe('');
  });

  it('writes only what differs from the defaults, after v=1', () => {
    const d = defaultState();
    expect(encode(comparing(['i', 'iv']))).toBe('v=1&c=i,iv');
    expect(encode({ ...d, assumptions: { ...DEFAULT_ASSUMPTIONS, reforms: true } })).toBe('v=1&reforms=yes');
    expect(encode({ ...d, assumptions: { ...DEFAULT_ASSUMPTIONS, escorts: false } })).toBe('v=1&escorts=no');
    expect(encode({ ...d, estimate: [40, 10, 10, 40] })).toBe('v=1&e=40,10,10,40');
    expect(
      toSearch({ compare: ['i', 'iv'], pair: ['i', 'iv'], assumptions: { escorts: true, reforms: true, dialogue: false, uncoordinated: false }, estimate: [50, 5, 5, 40] }),
    ).toBe('?v=1&c=i,iv&reforms=yes&e=50,5,5,40');
  });

  it('each assumption appears in the link only when it differs from its default', () => {
    for (const key of ASSUMPTION_IDS) {
      const flipped = { ...defaultState(), assumptions: { ...DEFAULT_ASSUMPTIONS, [key]: !DEFAULT_ASSUMPTIONS[key] } };
      const query = encode(flipped);
      expect(query).toBe(`v=1&${key}=${DEFAULT_ASSUMPTIONS[key] ? 'no' : 'yes'}`);
      for (const other of ASSUMPTION_IDS.filter((k) => k !== key)) expect(query).not.toContain(other);
    }
  });

  it('leaves out parts that are not well formed instead of writing them', () => {
    const d = defaultState();
    expect(encode({ ...d, estimate: [50, 50, 50, 50] })).toBe('');
    expect(encode({ ...d, compare: ['i'] })).toBe('');
    expect(encode({ ...d, compare: ['i', 'i'] })).toBe('');
    expect(encode({ ...d, compare: ['iv', 'i'], pair: ['i', 'iv'] })).toBe('v=1&c=i,iv');
  });
});

describe('round trip', () => {
  it('decode(encode(s)) equals s for 5,000 random valid states', () => {
    const r = rng(20251209);
    for (let n = 0; n < 5000; n++) {
      const state = randomState(r);
      expect(isValidState(state)).toBe(true);
      const query = encode(state);
      expect(decode(query), `case ${n}: ${query}`).toEqual(state);
      expect(decode(`?${query}`)).toEqual(state);
      // Encoding is canonical: a state has exactly one link.
      expect(encode(decode(query))).toBe(query);
    }
  });

  it('every one of the 2 × 11 × 16 combinations of compare/estimate presence and assumptions survives the trip', () => {
    const compares: ScenarioId[][] = [];
    for (let mask = 0; mask < 16; mask++) {
      const ids = SCENARIO_IDS.filter((_, i) => (mask & (1 << i)) !== 0);
      if (ids.length >= 2) compares.push(ids);
    }
    expect(compares).toHaveLength(11);
    for (const compare of compares) {
      for (let mask = 0; mask < 16; mask++) {
        const assumptions = { escorts: !!(mask & 1), reforms: !!(mask & 2), dialogue: !!(mask & 4), uncoordinated: !!(mask & 8) };
        for (const estimate of [null, [100, 0, 0, 0] as Estimate]) {
          const state: ExplorerState = { compare, pair: defaultPair(compare), assumptions, estimate };
          expect(decode(encode(state))).toEqual(state);
          const chosen: ExplorerState = { ...state, pair: ['iv', 'ii'] };
          expect(decode(encode(chosen))).toEqual(chosen);
        }
      }
    }
  });
});

describe('decoding what people and machines actually send', () => {
  it('reads readable variants: capitals, y/n, 1/0, true/false, on/off, leading ?, a #fragment', () => {
    const expected: ExplorerState = {
      compare: ['i', 'iv'],
      pair: ['i', 'iv'],
      assumptions: { escorts: false, reforms: true, dialogue: true, uncoordinated: true },
      estimate: [25, 25, 25, 25],
    };
    expect(decode('?v=1&c=I,IV&escorts=n&reforms=1&dialogue=TRUE&uncoordinated=on&e=25,25,25,25')).toEqual(expected);
    expect(decode('c=iv,i&escorts=no&reforms=yes&dialogue=y&uncoordinated=1&e=25,25,25,25#chapter-8')).toEqual(expected);
  });

  it('a link without v is read as the current version', () => {
    expect(decode('c=ii,iii').compare).toEqual(['ii', 'iii']);
  });

  it('a repeated parameter: the first one wins, even when it is malformed', () => {
    expect(decode('c=i,ii&c=iii,iv').compare).toEqual(['i', 'ii']);
    expect(decode('e=10,20,30,40&e=40,30,20,10').estimate).toEqual([10, 20, 30, 40]);
    expect(decode('reforms=maybe&reforms=yes').assumptions.reforms).toBe(false);
  });

  it('ignores malformed or out-of-range values, keeping the default for that part only', () => {
    const cases: [string, Partial<ExplorerState>][] = [
      ['c=i', {}],
      ['c=i,i', {}],
      ['c=i,v', {}],
      ['c=i,ii,iii,iv,i', {}],
      ['c=', {}],
      ['c=i,,ii', {}],
      ['e=50,50,50,50', {}],
      ['e=101,0,0,-1', {}],
      ['e=25,25,25', {}],
      ['e=25,25,25,25,0', {}],
      ['e=25.5,24.5,25,25', {}],
      ['e=1e2,0,0,0', {}],
      ['e=0x64,0,0,0', {}],
      ['e= 25, 25, 25, 25', {}],
      ['escorts=maybe', {}],
      ['escorts=', {}],
      ['reforms=yes&c=zz,i', { assumptions: { ...DEFAULT_ASSUMPTIONS, reforms: true } }],
      ['e=100,0,0,0&c=nonsense', { estimate: [100, 0, 0, 0] }],
    ];
    for (const [query, change] of cases) expect(decode(query), query).toEqual({ ...defaultState(), ...change });
  });

  it('a link from a future version is read as far as it is understood', () => {
    expect(decode('v=2&c=i,iv&newthing=42&reforms=yes&e=strange')).toEqual({
      ...comparing(['i', 'iv']),
      assumptions: { ...DEFAULT_ASSUMPTIONS, reforms: true },
    });
    expect(decode('v=9999&c=ii,iii').compare).toEqual(['ii', 'iii']);
    expect(decode('v=abc&c=ii,iii').compare).toEqual(['ii', 'iii']);
  });

  it('__proto__, constructor and prototype keys are just unknown keys', () => {
    const state = decode('__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x&prototype=y&toString=z&c=i,ii');
    expect(state.compare).toEqual(['i', 'ii']);
    expect(isValidState(state)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  });

  it('HTML and script payloads never reach the state', () => {
    const payloads = [
      'c=<script>alert(1)</script>',
      'e=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'reforms=%22%3E%3Csvg%2Fonload%3Dalert(1)%3E',
      'c=i,ii%00<script>',
      'c=javascript:alert(1)',
    ];
    for (const p of payloads) {
      const state = decode(p);
      expect(state, p).toEqual(defaultState());
      expect(JSON.stringify(state)).toMatch(SAFE_JSON);
    }
  });

  it('broken percent-encoding is skipped, not thrown', () => {
    expect(() => decode('%E0%A4%A')).not.toThrow();
    expect(decode('c=i%2Civ&e=%E0%A4%A&reforms=yes')).toEqual({
      ...comparing(['i', 'iv']),
      assumptions: { ...DEFAULT_ASSUMPTIONS, reforms: true },
    });
    expect(decode('c%=i,ii&%=%&=&&&==')).toEqual(defaultState());
  });

  it('huge input is cut: a megabyte decodes quickly, and parameters after the limit are not read', () => {
    const huge = `c=i,ii&x=${'a'.repeat(1_000_000)}&reforms=yes`;
    const t0 = performance.now();
    const state = decode(huge);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(state).toEqual(comparing(['i', 'ii']));
    // A valid parameter cut in half by the length limit is dropped rather than misread.
    const padding = `x=${'a'.repeat(MAX_QUERY_LENGTH - 2 - 'x='.length - 1)}`;
    const cut = `${padding}&c=iii,iv`;
    expect(cut.length).toBeGreaterThan(MAX_QUERY_LENGTH);
    expect(decode(cut).compare).toEqual([...SCENARIO_IDS]);
  });

  it('reads at most 32 parameters', () => {
    const junk = Array.from({ length: 40 }, (_, i) => `k${i}=1`).join('&');
    expect(decode(`c=i,ii&${junk}`).compare).toEqual(['i', 'ii']);
    expect(decode(`${junk}&c=i,ii`).compare).toEqual([...SCENARIO_IDS]);
    expect(parseQuery(junk).length).toBeLessThanOrEqual(32);
  });

  it('a non-string input returns the defaults', () => {
    for (const bad of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(decode(bad as unknown as string)).toEqual(defaultState());
    }
  });
});

describe('the two scenarios a phone compares (p=)', () => {
  it('defaults to I and II, or to the two set side by side when there are exactly two', () => {
    expect(defaultState().pair).toEqual(['i', 'ii']);
    expect(decode('').pair).toEqual(['i', 'ii']);
    expect(decode('c=i,iii,iv').pair).toEqual(['i', 'ii']);
    expect(decode('c=iii,iv').pair).toEqual(['iii', 'iv']);
  });

  it('keeps the reader’s order, A then B, and is written only when it differs from its default', () => {
    const d = defaultState();
    expect(encode({ ...d, pair: ['iv', 'ii'] })).toBe('v=1&p=iv,ii');
    expect(encode({ ...d, pair: ['ii', 'i'] })).toBe('v=1&p=ii,i');
    expect(encode({ ...d, pair: ['i', 'ii'] })).toBe('');
    expect(encode({ ...d, compare: ['ii', 'iii'], pair: ['ii', 'iii'] })).toBe('v=1&c=ii,iii');
    expect(encode({ ...d, compare: ['ii', 'iii'], pair: ['i', 'ii'] })).toBe('v=1&c=ii,iii&p=i,ii');
    expect(decode('p=iv,ii').pair).toEqual(['iv', 'ii']);
    expect(decode('v=1&c=ii,iii&p=i,ii')).toEqual({ ...d, compare: ['ii', 'iii'], pair: ['i', 'ii'] });
    expect(decode('p=IV,I').pair).toEqual(['iv', 'i']);
  });

  it('ignores a hostile or garbled pair, keeping the default pair and the rest of the link', () => {
    const garbled = [
      'p=i,i',
      'p=i',
      'p=i,ii,iii',
      'p=i,v',
      'p=,ii',
      'p=i,',
      'p=',
      'p',
      'p=i;ii',
      'p=i%2C%2Cii',
      'p=<script>alert(1)</script>',
      'p=i,ii%00<svg/onload=alert(1)>',
      'p=__proto__,constructor',
      'p=javascript:alert(1)',
      `p=${'i,'.repeat(200)}ii`,
      'p=%E0%A4%A',
    ];
    for (const query of garbled) {
      const state = decode(`${query}&reforms=yes`);
      expect(state, query).toEqual({ ...defaultState(), assumptions: { ...DEFAULT_ASSUMPTIONS, reforms: true } });
      expect(JSON.stringify(state)).toMatch(SAFE_JSON);
      expect(decode(`c=iii,iv&${query}`).pair, query).toEqual(['iii', 'iv']);
    }
    // The first p wins, even when it is garbled, as for every other parameter.
    expect(decode('p=iv,i&p=ii,iii').pair).toEqual(['iv', 'i']);
    expect(decode('p=iv,iv&p=ii,iii').pair).toEqual(['i', 'ii']);
  });

  it('a state whose pair is not two different scenarios is not valid, and is not written', () => {
    const d = defaultState();
    for (const pair of [['i', 'i'], ['i'], ['i', 'ii', 'iii'], ['i', 'v'], 'i,ii', null]) {
      expect(isValidState({ ...d, pair }), JSON.stringify(pair)).toBe(false);
      expect(encode({ ...d, pair } as unknown as ExplorerState)).toBe('');
    }
  });
});

describe('fuzz: decode never throws and always returns a valid state', () => {
  const PIECES = [
    '%', '&', '=', '#', '?', '+', ',', ';', ' ', '%20', '%26', '%3D', '%2C', '%00', '%E0%A4%A', '%FF', '%C3%A9', '%%', '%zz',
    '<script>', '</script>', '"', "'", '`', '\\', '/', '\u0000', '\u202e', '\ud800', '\udfff', '😀', 'é', '漢', '\n', '\r\n', '\t',
    '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '[', ']', '{', '}',
    'v', 'v=1', 'v=0', 'v=2', 'v=-1', 'v=1.5', 'v=99999999999',
    'c', 'c=', 'c=i,ii', 'c=iii,iv', 'c=I,IV', 'c=i,i', 'c=v,vi', 'c=i,ii,iii,iv,i',
    'p', 'p=', 'p=iv,i', 'p=ii,iii', 'p=i,i', 'p=I,IV', 'p=i,ii,iii',
    'e', 'e=', 'e=25,25,25,25', 'e=100,0,0,0', 'e=-1,101,0,0', 'e=50,50,50,50', 'e=NaN,0,0,100', 'e=Infinity,0,0,0', 'e=1e3',
    'escorts=no', 'reforms=yes', 'dialogue=1', 'uncoordinated=true', 'escorts=maybe', 'reforms=',
    'i', 'ii', 'iii', 'iv', 'yes', 'no', '0', '1', '100', '-0', '0x10', '9'.repeat(30),
  ];

  function hostile(r: Rng): string {
    const kind = r.int(0, 4);
    if (kind === 0) {
      // Random code units, including lone surrogates.
      return Array.from({ length: r.int(0, 80) }, () => String.fromCharCode(r.int(0, 0xffff))).join('');
    }
    if (kind === 1) {
      // A long value or a long key.
      return `${r.pick(['c', 'p', 'e', 'v', 'reforms', 'x'])}=${r.pick(PIECES).repeat(r.int(100, 5000))}`;
    }
    if (kind === 2) {
      // The same key many times.
      const key = r.pick(['c', 'p', 'e', 'v', 'escorts', '__proto__']);
      return Array.from({ length: r.int(2, 60) }, () => `${key}=${r.pick(PIECES)}`).join('&');
    }
    // Pieces glued together.
    return Array.from({ length: r.int(0, 40) }, () => r.pick(PIECES)).join(r.pick(['', '&', '=', ',']));
  }

  // 20,000 decodes take 2-4 s alone, longer while other test files share the two cores: a time limit is not what this checks.
  it('over 20,000 random hostile inputs', { timeout: 30_000 }, () => {
    const r = rng(0xdecade);
    for (let n = 0; n < 20_000; n++) {
      const input = hostile(r);
      let state: ExplorerState | undefined;
      // readState is decode() without its catch-all, so a step that throws fails here instead of being hidden.
      expect(() => {
        state = readState(input);
      }, `case ${n}: ${JSON.stringify(input.slice(0, 200))}`).not.toThrow();
      expect(decode(input)).toEqual(state);
      expect(isValidState(state), `case ${n}: ${JSON.stringify(input.slice(0, 200))}`).toBe(true);
      expect(JSON.stringify(state)).toMatch(SAFE_JSON);
      // Whatever was read can be written back and read again unchanged.
      expect(decode(encode(state!))).toEqual(state);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('over 5,000 valid links with random damage', () => {
    const r = rng(42);
    const damage = ['%', '&', '=', ',', '#', '<', '\u0000', 'x', '9', '__proto__'];
    for (let n = 0; n < 5000; n++) {
      const chars = [...encode(randomState(r))];
      for (let k = r.int(1, 4); k > 0; k--) {
        const at = r.int(0, chars.length);
        const op = r.int(0, 2);
        if (op === 0) chars.splice(at, 0, r.pick(damage));
        else if (op === 1) chars.splice(at, 1);
        else chars[at] = r.pick(damage);
      }
      const input = chars.join('');
      const state = readState(input);
      expect(isValidState(state), input).toBe(true);
    }
  });
});

describe('the state checker used by the fuzz tests can fail', () => {
  it('rejects states that are not well formed', () => {
    const d = defaultState();
    const bad: unknown[] = [
      null,
      [],
      'state',
      { ...d, compare: ['i'] },
      { ...d, compare: ['ii', 'i'] },
      { ...d, compare: ['i', 'i'] },
      { ...d, compare: ['i', 'v'] },
      { ...d, pair: ['ii', 'ii'] },
      { ...d, pair: ['i'] },
      { ...d, estimate: [50, 50, 0, 1] },
      { ...d, estimate: [25, 25, 25, 25.5] },
      { ...d, estimate: [25, 25, 50] },
      { ...d, estimate: [-1, 1, 50, 50] },
      { ...d, assumptions: { ...d.assumptions, reforms: 'yes' } },
      { ...d, assumptions: { escorts: true, reforms: false, dialogue: false } },
      { ...d, extra: 1 },
      { compare: d.compare, assumptions: d.assumptions },
      Object.assign(Object.create({ inherited: true }) as object, d),
    ];
    for (const b of bad) expect(isValidState(b), JSON.stringify(b)).toBe(false);
    expect(isValidState(d)).toBe(true);
  });
});

describe('versions and migrations', () => {
  it('the current version is 1 and its migration entry is the identity', () => {
    expect(URL_VERSION).toBe(1);
    expect(CODEC.version).toBe(1);
    const params = [['c', 'i,ii']] as const;
    expect(MIGRATIONS.get(1)?.(params)).toBe(params);
  });

  it('a fake version 0 link is upgraded through the migration table', () => {
    // In the imagined version 0, the compare list was called "cmp" and used numbers 1–4.
    const fromV0: Migration = (params) =>
      params.map(([k, v]): readonly [string, string] =>
        k === 'cmp' ? ['c', v.split('.').map((n) => SCENARIO_IDS[Number(n) - 1] ?? 'x').join(',')] : [k, v],
      );
    const config: CodecConfig = { version: 1, migrations: new Map([[0, fromV0], ...MIGRATIONS]) };
    expect(decode('v=0&cmp=1.4&reforms=yes', config)).toEqual({
      ...comparing(['i', 'iv']),
      assumptions: { ...DEFAULT_ASSUMPTIONS, reforms: true },
    });
    // Without the migration, the same link keeps only what version 1 understands.
    expect(decode('v=0&cmp=1.4&reforms=yes')).toEqual({ ...defaultState(), assumptions: { ...DEFAULT_ASSUMPTIONS, reforms: true } });
    // Current links are untouched by the extended table.
    expect(decode('v=1&c=ii,iii', config).compare).toEqual(['ii', 'iii']);
  });

  it('applies every step in order from the link version up to the current one', () => {
    const calls: number[] = [];
    const step = (n: number): Migration => (params) => {
      calls.push(n);
      return params;
    };
    const config: CodecConfig = { version: 3, migrations: new Map([[1, step(1)], [2, step(2)], [3, step(3)]]) };
    upgrade([], 1, config);
    expect(calls).toEqual([1, 2, 3]);
    calls.length = 0;
    upgrade([], 3, config);
    expect(calls).toEqual([]);
    upgrade([], 7, config);
    expect(calls).toEqual([]);
  });
});

describe('the same state in both languages', () => {
  it('a link switched to French (or back) keeps its query, which decodes to the same state; a garbled one is ignored in both', () => {
    for (const search of ['?v=1&c=i,iv&p=iv,i&reforms=yes&e=50,5,5,40', '?p=ii,ii&c=i&e=99,1,1,1&escorts=maybe', '']) {
      const french = alternatePath(`/scenarios/${search}`, 'fr', '');
      expect(french).toBe(`/fr/scenarios/${search}`);
      const back = alternatePath(french, 'en', '');
      expect(back).toBe(`/scenarios/${search}`);
      expect(decode(new URL(french, 'https://example.org').search)).toEqual(decode(search));
    }
    expect(decode('?p=ii,ii&c=i&e=99,1,1,1&escorts=maybe')).toEqual(defaultState());
  });
});
