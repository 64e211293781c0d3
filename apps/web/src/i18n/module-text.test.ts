import { describe, expect, it } from 'vitest';
import { moduleText, type ModuleCatalogs } from './index';

type Key = 'doors' | 'sheet' | 'onlyFrench';
const catalogs: ModuleCatalogs<Key> = {
  fr: { doors: '{count} porte|{count} portes', sheet: 'Portes de {name}', onlyFrench: 'Terrain' },
  en: { doors: '{count} door|{count} doors', sheet: 'Doors of {name}' },
};

describe("a module's own words (moduleText)", () => {
  it('chooses the plural by the language’s rules: 0 is singular in French, plural in English', () => {
    expect(moduleText(catalogs, 'fr', 'doors', { count: 0 })).toBe('0 porte');
    expect(moduleText(catalogs, 'fr', 'doors', { count: 2 })).toBe('2 portes');
    expect(moduleText(catalogs, 'en', 'doors', { count: 0 })).toBe('0 doors');
    expect(moduleText(catalogs, 'en', 'doors', { count: 1 })).toBe('1 door');
  });

  it('elides in French as the app’s catalog does, and reads French when a word is missing in English', () => {
    expect(moduleText(catalogs, 'fr', 'sheet', { name: 'Île-de-France' })).toBe('Portes d’Île-de-France');
    expect(moduleText(catalogs, 'fr', 'sheet', { name: 'Tour Kennedy B' })).toBe('Portes de Tour Kennedy B');
    expect(moduleText(catalogs, 'en', 'sheet', { name: 'Île-de-France' })).toBe('Doors of Île-de-France');
    expect(moduleText(catalogs, 'en', 'onlyFrench')).toBe('Terrain');
  });
});
