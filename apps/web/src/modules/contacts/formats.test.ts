import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { localErrors, emptyDraft } from '../field/draft';
import { ConversationOutcome } from '@rapport/shared';
import { formatErrors, formatPhone, isEmail, isPhone } from './formats';
import { duplicateReason, duplicateSearches } from './duplicates';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);

describe('formats checked on the phone', () => {
  it('accepts the numbers the API accepts, in the ways people write them', () => {
    expect(isPhone('06 12 34 56 78')).toBe(true);
    expect(isPhone('+33 6 12 34 56 78')).toBe(true);
    expect(isPhone('0612345678')).toBe(true);
    expect(isPhone('06 12 34')).toBe(false);
    expect(isPhone('bonjour')).toBe(false);
    expect(isEmail('fatou@exemple.fr')).toBe(true);
    expect(isEmail('fatou@exemple')).toBe(false);
  });

  it('tells every problem at once, next to its field', () => {
    expect(formatErrors({ phone: '06 12', email: 'fatou.exemple.fr' }, t)).toEqual({
      phone: t('rule.phone'),
      email: t('rule.email'),
    });
    expect(formatErrors({ phone: '', email: null }, t)).toEqual({});
  });

  it('the field form: the outcome and the new person formats together, offline as online', async () => {
    const draft = { ...emptyDraft('c1'), outcome: '' as const, phone: '12', email: 'x' };
    expect(Object.keys(await localErrors(draft, t))).toEqual(['outcome']);
    const talked = { ...draft, outcome: ConversationOutcome.TALKED, firstName: 'Fatou' };
    expect(await localErrors(talked, t)).toEqual({ 'newContact.phone': t('rule.phone'), 'newContact.email': t('rule.email') });
    // A person picked from the list: their record is already checked.
    expect(await localErrors({ ...talked, contactId: 'k1' }, t)).toEqual({});
  });

  it('shows numbers as people write them', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhone('pas un numéro')).toBe('pas un numéro');
    expect(formatPhone(null)).toBe('');
  });
});

describe('duplicates', () => {
  const typed = { firstName: 'fatou', lastName: 'DIALLO', phone: '', email: '', building: 'b' };
  const fatou = { id: 'k1', firstName: 'Fatou', lastName: 'Diallo', phone: '+33612345678', email: 'fatou@exemple.fr', building: 'B' };

  it('matches by phone however it is written, by email, or by name and building', () => {
    expect(duplicateReason({ ...typed, firstName: 'X', phone: '06 12 34 56 78' }, fatou)).toBe('phone');
    expect(duplicateReason({ ...typed, firstName: 'X', email: 'Fatou@Exemple.fr ' }, fatou)).toBe('email');
    expect(duplicateReason(typed, fatou)).toBe('nameBuilding');
    expect(duplicateReason({ ...typed, building: 'C' }, fatou)).toBeNull();
    expect(duplicateReason({ ...typed, lastName: 'Diop' }, fatou)).toBeNull();
  });

  it('asks about each clue only once it is complete', () => {
    expect(duplicateSearches({ firstName: 'F', lastName: '', phone: '06 12', email: 'fatou@', building: '' })).toEqual([]);
    expect(duplicateSearches({ firstName: 'Fatou', lastName: 'Diallo', phone: '+33 6 12 34 56 78', email: 'F@x.fr', building: 'B' })).toEqual([
      '0612345678',
      'f@x.fr',
      'Fatou Diallo',
    ]);
  });
});
