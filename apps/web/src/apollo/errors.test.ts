import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { translate } from '../i18n';
import { errorMessage, fieldErrors, fieldKey, placeErrors, refusalErrors } from './errors';

const fr = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const badInput = (field: string, rule: string) => ({ message: `${field}: ${rule}`, extensions: { code: 'BAD_USER_INPUT', field } });

describe('API errors next to their fields', () => {
  it('keys fields by their path in the input', () => {
    expect(fieldKey('input.newContact.phone')).toBe('newContact.phone');
    expect(fieldKey('input.issues[2].intensity')).toBe('issues.2.intensity');
    expect(fieldKey('first')).toBe('first');
  });

  it("translates the API's rules into the member's language", () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        badInput('input.issues[0].intensity', 'must be a whole number from 1 to 5'),
        badInput('input.notes', 'must be at most 10000 characters (got 10001)'),
      ],
    });
    expect(fieldErrors(error, fr).fields).toEqual({
      'issues.0.intensity': 'Un nombre entier de 1 à 5.',
      notes: '10000 caractères au plus.',
    });
    expect(fieldErrors(error, en).fields['issues.0.intensity']).toBe('A whole number from 1 to 5.');
  });

  it('shows an unknown rule as the API wrote it, and errors without a field at the top, in words of their code', () => {
    const error = new CombinedGraphQLErrors({
      errors: [badInput('input.door', 'is odd'), { message: 'Campaign x not found', extensions: { code: 'NOT_FOUND' } }],
    });
    expect(fieldErrors(error, fr)).toEqual({ fields: { door: 'is odd' }, general: [fr('error.notFound')] });
  });

  it('never shows the API’s English for refusals and unknown ids: their code says it in the member’s language', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        { message: 'Your role may not use Mutation.eraseContact', extensions: { code: 'FORBIDDEN' } },
        badInput('input.decisionMakerIds', 'must name at least one decision-maker'),
        badInput('stage', 'the campaign is already at ACTION'),
      ],
    });
    expect(fieldErrors(error, fr)).toEqual({
      fields: { decisionMakerIds: 'Choisissez au moins un·e décideur·se.', stage: 'La campagne est déjà à l’étape « Action ».' },
      general: [fr('error.forbidden')],
    });
    expect(errorMessage(new CombinedGraphQLErrors({ errors: [{ message: 'Campaign 7 not found', extensions: { code: 'NOT_FOUND' } }] }), en)).toBe(
      en('error.notFound'),
    );
  });

  it('translates by extensions.rule and params, whatever the English says', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        { message: 'input.notes: too long, whatever', extensions: { code: 'BAD_USER_INPUT', field: 'input.notes', rule: 'maxLength', params: { max: 200 } } },
        { message: 'stage: already there', extensions: { code: 'BAD_USER_INPUT', field: 'stage', rule: 'sameStage', params: { stage: 'ACTION' } } },
        {
          message: 'input.method: must be one of CASH, CHEQUE',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.method', rule: 'enum', params: { values: 'CASH, CHEQUE' } },
        },
        { message: 'input.door: must be a whole number from 1 to 5', extensions: { code: 'BAD_USER_INPUT', field: 'input.door', rule: 'notYetKnownRule' } },
      ],
    });
    expect(fieldErrors(error, fr).fields).toEqual({
      notes: '200 caractères au plus.',
      stage: 'La campagne est déjà à l’étape « Action ».',
      method: 'Une de ces valeurs : CASH, CHEQUE.',
      door: 'Un nombre entier de 1 à 5.',
    });
    expect(fieldErrors(error, en).fields['notes']).toBe('At most 200 characters.');
    expect(refusalErrors({ field: 'input.newContact.phone', message: 'x', rule: 'phone' }, en).fields['newContact.phone']).toBe(en('rule.phone'));
  });

  it('puts errors a form cannot place at its top', () => {
    const placed = placeErrors({ fields: { door: 'a', clientId: 'b' }, general: [] }, (key) => key === 'door');
    expect(placed).toEqual({ fields: { door: 'a' }, general: ['b'] });
  });

  it('reads a refusal kept in the outbox the same way', () => {
    expect(refusalErrors({ field: 'input.newContact.email', message: 'input.newContact.email: must be an email address such as nom@exemple.fr' }, fr)).toEqual({
      fields: { 'newContact.email': 'Une adresse e-mail, par exemple nom@exemple.fr.' },
      general: [],
    });
  });

  it('explains a missing network in words, not a stack', () => {
    expect(fieldErrors(new TypeError('Failed to fetch'), fr).general).toEqual([fr('error.network')]);
  });
});

describe('translate', () => {
  it('picks the singular or plural form from {count}, as each language counts', () => {
    expect(translate('fr', 'outbox.pending', { count: 0 })).toBe('0 conversation en attente d’envoi');
    expect(translate('fr', 'outbox.pending', { count: 2 })).toBe('2 conversations en attente d’envoi');
    expect(translate('en', 'outbox.pending', { count: 0 })).toBe('0 conversations waiting to be sent');
    expect(translate('en', 'outbox.pending', { count: 1 })).toBe('1 conversation waiting to be sent');
    expect(translate('fr', 'contacts.count', { count: '1 234' })).toBe('1 234 personnes');
  });
});
