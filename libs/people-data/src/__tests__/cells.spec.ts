import { csvField, csvLine, neutralise } from '../exports/cells.js';
import { planMerge } from '../duplicates/merge-fields.js';

describe('export cells', () => {
  it('neutralises what a spreadsheet would run as a formula', () => {
    for (const value of ['=1+1', '+33612345678', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(value)).toBe(`'${value}`);
    for (const value of ['Awa', '', ' =1', '12 rue de Dinan', 'a=b']) expect(neutralise(value)).toBe(value);
  });

  it('quotes fields for French Excel only when needed', () => {
    expect(csvField('Bât. Oiseaux; entrée B')).toBe('"Bât. Oiseaux; entrée B"');
    expect(csvField('dit "Kader"')).toBe('"dit ""Kader"""');
    expect(csvField('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvLine(['a', 'b;c', ''])).toBe('a;"b;c";\r\n');
  });
});

describe('planMerge', () => {
  const base = {
    firstName: 'Awa',
    lastName: null,
    phone: null,
    email: null,
    street: null,
    building: null,
    postalCode: null,
    city: null,
    neighbourhood: null,
    consentGivenAt: null,
    languages: [],
    tags: [],
    allyRoles: [],
    isLeader: false,
  };

  it('fills empty fields, joins lists, keeps the leader flag, overwrites nothing', () => {
    const keep = { ...base, lastName: 'Traoré', phone: '+33612345670', tags: ['locataire'] };
    const drop = {
      ...base,
      firstName: 'awa',
      lastName: 'TRAORE',
      phone: '+33698765432',
      email: 'awa@mail.example',
      tags: ['santé', 'locataire'],
      isLeader: true,
    };
    const plan = planMerge(keep, drop);
    expect(plan.columns).toEqual({ email: 'awa@mail.example', tags: ['locataire', 'santé'], isLeader: true });
    expect(plan.filled).toEqual(['email']);
    expect(plan.lost).toEqual({ phone: '+33698765432' });
  });
});
