import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRuleset } from '../rules/index.js';
import { capabilitiesNamed, capabilityTerms } from './described-capabilities.js';

const terms = capabilityTerms(defaultRuleset.parameters ?? {});

describe('capabilities named in an item description', () => {
  it('finds phrases as whole words, case, accents and punctuation folded', () => {
    expect(capabilitiesNamed('Portable IMSI-catcher, 2 units', terms)).toEqual(['mobile-interception']);
    expect(capabilitiesNamed('Módulo de FACIAL Recognítion', terms)).toEqual(['biometric-identification']);
    expect(capabilitiesNamed('Lawful interception gateway with monitoring centre', terms)).toEqual([
      'network-interception',
    ]);
    // Inside another word is not the phrase.
    expect(capabilitiesNamed('Companpr logistics software', terms)).toEqual([]);
    expect(capabilitiesNamed('Enterprise routers with IPsec encryption', terms)).toEqual([]);
  });

  it('does not count a phrase right after a negation', () => {
    expect(capabilitiesNamed('Anti-spyware endpoint protection', terms)).toEqual([]);
    expect(capabilitiesNamed('Body-worn cameras (no face recognition)', terms)).toEqual([]);
    expect(capabilitiesNamed('Cameras without facial recognition; ANPR add-on', terms)).toEqual(['location-tracking']);
  });

  it('ignores unknown capabilities and phrases that are not text', () => {
    const table = capabilityTerms({
      describedCapabilityTerms: { 'mind-reading': ['thoughts'], 'location-tracking': ['tracker', 7, '  '] },
    });
    expect(table).toEqual([['location-tracking', [['tracker']]]]);
    expect(capabilityTerms({ describedCapabilityTerms: ['tracker'] })).toEqual([]);
    expect(capabilityTerms({})).toEqual([]);
  });

  it('finds every phrase of the default table between any other words, unless a negation precedes it', () => {
    const phrases = terms.flatMap(([capability, list]) => list.map((words) => [capability, words] as const));
    const words = fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 6 });
    const negation = fc.option(fc.constantFrom('anti', 'no', 'non', 'without', 'Anti-', 'NO'));
    fc.assert(
      fc.property(fc.constantFrom(...phrases), words, negation, words, ([capability, phrase], before, neg, after) => {
        // The other words must not name the capability themselves, or neighbour the phrase with a negation.
        fc.pre(!capabilitiesNamed(before.join(' '), terms).includes(capability));
        fc.pre(!capabilitiesNamed(after.join(' '), terms).includes(capability));
        fc.pre(neg !== null || !['anti', 'no', 'non', 'without'].includes(before.at(-1) ?? ''));
        const text = [...before, ...(neg === null ? [] : [neg]), ...phrase, ...after].join(' ');
        expect(capabilitiesNamed(text, terms).includes(capability)).toBe(neg === null);
      }),
    );
  });
});
