import { describe, expect, it } from 'vitest';
import { translate } from './index';
import { makeFormat } from './format';

describe('French typography', () => {
  it('elides before a vowel: "Réponse d’Awa", "Réponse de Karim"', () => {
    expect(translate('fr', 'action.statusOf', { name: 'Awa' })).toBe('Réponse d’Awa');
    expect(translate('fr', 'action.statusOf', { name: 'Élodie' })).toBe('Réponse d’Élodie');
    expect(translate('fr', 'action.statusOf', { name: 'Karim' })).toBe('Réponse de Karim');
    expect(translate('en', 'action.statusOf', { name: 'Awa' })).not.toContain('’');
  });

  it('writes "1er décembre", and labels times with the organisation’s zone when it is not the device’s', () => {
    expect(makeFormat('fr').date('2022-12-01T12:00:00Z')).toBe('1er décembre 2022');
    expect(makeFormat('fr').date('2022-12-02T12:00:00Z')).toBe('2 décembre 2022');
    expect(makeFormat('en').date('2022-12-01T12:00:00Z')).toBe('1 December 2022');
    const paris = makeFormat('fr', 'Europe/Paris').dateTime('2022-12-01T17:00:00Z');
    expect(paris).toContain('18:00');
    expect(paris).toContain('(heure de Paris)');
  });
});
