import { describe, expect, it } from 'vitest';
import { eurosInWords, numberInFrenchWords } from '@rapport/shared';
import { formatCents, parseEuros, toCsv } from './money';

describe('amounts in French words (receipts)', () => {
  it.each([
    [1200, 'douze euros'],
    [0, 'zéro euro'],
    [100, 'un euro'],
    [500, 'cinq euros'],
    [2400, 'vingt-quatre euros'],
    [3000, 'trente euros'],
    [2100, 'vingt-et-un euros'],
    [7100, 'soixante-et-onze euros'],
    [8000, 'quatre-vingts euros'],
    [8100, 'quatre-vingt-un euros'],
    [9900, 'quatre-vingt-dix-neuf euros'],
    [10000, 'cent euros'],
    [20000, 'deux-cents euros'],
    [20100, 'deux-cent-un euros'],
    [100000, 'mille euros'],
    [8000000, 'quatre-vingt-mille euros'],
    [550, 'cinq euros et cinquante centimes'],
    [1201, 'douze euros et un centime'],
    [99, 'quatre-vingt-dix-neuf centimes'],
    [100_000_000, 'un-million d’euros'],
  ])('%i cents → %s', (cents, words) => {
    expect(eurosInWords(cents)).toBe(words);
  });

  it('writes every number up to 999 without a gap or a space', () => {
    for (let n = 0; n < 1000; n++) expect(numberInFrenchWords(n)).toMatch(/^[a-zé-]+$/);
    expect(numberInFrenchWords(17)).toBe('dix-sept');
    expect(numberInFrenchWords(77)).toBe('soixante-dix-sept');
    expect(numberInFrenchWords(91)).toBe('quatre-vingt-onze');
  });

  it('refuses what is not a whole number of cents', () => {
    expect(() => eurosInWords(12.5)).toThrow(RangeError);
    expect(() => eurosInWords(-100)).toThrow(RangeError);
  });
});

describe('money', () => {
  it('reads amounts typed at a stall into cents', () => {
    expect(parseEuros('12')).toBe(1200);
    expect(parseEuros('5,5')).toBe(550);
    expect(parseEuros('0,05 €')).toBe(5);
    expect(parseEuros('24.00')).toBe(2400);
    expect(parseEuros('-3')).toBeNull();
    expect(parseEuros('douze')).toBeNull();
  });

  it('formats cents and CSV', () => {
    expect(formatCents(1200, 'fr').replace(/\s/g, ' ')).toBe('12 €');
    expect(formatCents(550, 'en')).toBe('€5.50');
    expect(
      toCsv([
        ['a', 'b;c'],
        [1, 'say "hi"'],
      ]),
    ).toBe('a;"b;c"\r\n1;"say ""hi"""\r\n');
  });
});
