import { createRequire } from 'node:module';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson, HrddError, sha256Hex } from '../../src/index.js';

describe('canonicalJson (RFC 8785)', () => {
  it('serialises numbers, strings and literals as the RFC example does', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as the RFC sorting example does', () => {
    const input = {
      '€': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      ö: 'Latin Small Letter O With Diaeresis',
    };
    // Object.keys would put the integer-like key first; the canonical text must not.
    const keys = [...canonicalJson(input).matchAll(/"([^"]*)":"/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(keys).toEqual(['\r', '1', '\u0080', 'ö', '€', '\ud83d\ude00', '\ufb33']);
  });

  it('agrees with the RFC authors’ implementation (canonicalize) on any JSON value', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    const json = fc.jsonValue({ depthSize: 'small' });
    fc.assert(
      fc.property(fc.oneof(json, fc.dictionary(text, json), fc.array(fc.oneof(text, fc.double()))), (value) => {
        let expected: string | undefined;
        try {
          expected = canonicalize(value);
        } catch {
          expected = undefined;
        }
        if (expected === undefined) expect(() => canonicalJson(value)).toThrow(HrddError);
        else expect(canonicalJson(value)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects what is not I-JSON with an HrddError', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [undefined, Number.NaN, Number.POSITIVE_INFINITY, { f: () => 1 }, 10n, cyclic, ['\ud800']])
      expect(() => canonicalJson(bad)).toThrow(HrddError);
    // A lone surrogate after escaped backslashes is still one; text that only looks like an escape is fine.
    expect(() => canonicalJson('a\\\\\udc00')).toThrow(HrddError);
    expect(canonicalJson('\\ud800')).toBe('"\\\\ud800"');
    expect(canonicalJson('\ud83d\ude00')).toBe('"\ud83d\ude00"');
  });
});

describe('sha256Hex and canonicalHash', () => {
  it('match the FIPS 180-2 test vectors and hash UTF-8 bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('€')).toBe('c4cc90ed3d26f12d4b08a75140970a7904035c31cbb4515a83f19b9003c00d1d');
  });

  it('is equal for equal JSON whatever the key order, and different otherwise', () => {
    expect(canonicalHash({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonicalHash({ a: [1, { c: 3, d: 2 }], b: 1 }));
    expect(canonicalHash({ a: 1 })).not.toBe(canonicalHash({ a: '1' }));
    expect(canonicalHash({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('sha256Hex implementations', () => {
  it('Node’s one-shot hash and the portable JavaScript one (browsers) agree on any well-formed text', () => {
    const portableSha256Hex = createRequire(import.meta.url)('js-sha256/build/sha256.js') as (text: string) => string;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(portableSha256Hex(text));
      }),
      { numRuns: 300 },
    );
  });
});
