import { v, normalizeForMatch, badInput } from '../index.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { code: (error as { extensions: { code: string } }).extensions.code, message: (error as Error).message };
  }
  return undefined;
};

describe('validate', () => {
  it('matches issue names whatever the case, accents and surrounding spaces', () => {
    expect(normalizeForMatch("  Fermeture de l'antenne de la Securite sociale ")).toBe(normalizeForMatch("Fermeture de l'antenne de la Sécurité sociale"));
    expect(normalizeForMatch('Démarches  EN LIGNE')).toBe('demarches en ligne');
    expect(normalizeForMatch('l’antenne')).toBe("l'antenne");
  });

  it('stores French phone numbers in E.164', () => {
    expect(v.phone('phone', '06 12 34 56 78')).toBe('+33612345678');
    expect(v.phone('phone', '+33 6 12 34 56 78')).toBe('+33612345678');
    expect(v.phone('phone', '')).toBeNull();
  });

  it('names the field and the rule on bad input', () => {
    expect(codeOf(() => v.phone('input.newContact.phone', '12'))).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('input.newContact.phone'),
    });
    expect(codeOf(() => v.intRange('input.interestLevel', 6, 1, 5))?.message).toBe('input.interestLevel: must be a whole number from 1 to 5');
    expect(codeOf(() => v.email('input.email', 'not-an-email'))?.code).toBe('BAD_USER_INPUT');
    expect(codeOf(() => v.name('input.firstName', 'x'.repeat(201)))?.message).toContain('at most 200 characters');
    expect(codeOf(() => v.name('input.firstName', '   '))?.message).toBe('input.firstName: must not be empty');
    expect(codeOf(() => v.text('input.notes', 'x'.repeat(10_001)))?.message).toContain('at most 10000');
    expect(codeOf(() => v.date('input.occurredAt', 'yesterday'))?.code).toBe('BAD_USER_INPUT');
  });

  it('trims text and turns blank into null', () => {
    expect(v.text('notes', '  hello  ')).toBe('hello');
    expect(v.text('notes', '   ')).toBeNull();
    expect(v.email('email', ' Nadia@Example.FR ')).toBe('nadia@example.fr');
  });

  it('says which rule an input broke, with its params, for clients to translate', () => {
    const extensionsOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { extensions: Record<string, unknown> }).extensions;
      }
      return undefined;
    };
    expect(extensionsOf(() => v.text('input.notes', 'x'.repeat(11), 10))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.notes',
      rule: 'maxLength',
      params: { max: 10 },
    });
    expect(extensionsOf(() => v.name('input.name', '  '))).toMatchObject({ field: 'input.name', rule: 'required' });
    expect(extensionsOf(() => v.intRange('input.n', 9, 1, 5))).toMatchObject({ rule: 'intRange', params: { min: 1, max: 5 } });
    expect(extensionsOf(() => v.email('input.email', 'nope'))).toMatchObject({ rule: 'email' });
    expect(extensionsOf(() => v.phone('input.phone', '12'))).toMatchObject({ rule: 'phone' });
    expect(extensionsOf(() => v.date('input.at', 'soon'))).toMatchObject({ rule: 'date' });
    expect(extensionsOf(() => v.date('input.at', '1800-01-01'))).toMatchObject({ rule: 'dateRange', params: { min: 1900, max: 2200 } });
    expect(extensionsOf(() => v.list('input.ids', [1, 2, 3], 2, (_f, x) => x))).toMatchObject({ rule: 'maxItems', params: { max: 2 } });
    // The old signature still works: a message, no rule.
    expect(badInput('input.x', 'is odd').extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.x' });
    expect(badInput('input.x', 'is odd').message).toBe('input.x: is odd');
  });
});
