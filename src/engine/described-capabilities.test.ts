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

  it('does not count a phrase that the item defends against', () => {
    expect(capabilitiesNamed('Endpoint protection: detects ransomware, spyware and keyloggers', terms)).toEqual([]);
    expect(capabilitiesNamed('Spyware detection toolkit for journalists', terms)).toEqual([]);
    expect(capabilitiesNamed('Android spyware, 5 target licences', terms)).toEqual(['intrusion-spyware']);
  });

  it('finds every phrase of the default table between any other words, unless a negation precedes it', () => {
    const phrases = terms.flatMap(([capability, list]) => list.map((words) => [capability, words] as const));
    // Filler words start with "x": none is a phrase word, a negation or a word of defence.
    const filler = fc.array(fc.stringMatching(/^x[a-z]{0,7}$/), { maxLength: 6 });
    const negation = fc.option(fc.constantFrom('anti', 'no', 'non', 'without', 'Anti-', 'NO', 'sin', 'ohne', 'sans'));
    fc.assert(
      fc.property(fc.constantFrom(...phrases), filler, negation, filler, ([capability, phrase], before, neg, after) => {
        const text = [...before, ...(neg === null ? [] : [neg]), ...phrase, ...after].join(' ');
        expect(capabilitiesNamed(text, terms).includes(capability)).toBe(neg === null);
      }),
    );
  });
});
