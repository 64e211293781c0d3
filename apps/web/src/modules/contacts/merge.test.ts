import { describe, expect, it } from 'vitest';
import { lostValues } from './merge';

describe('lostValues', () => {
  it('lists the dropped values the kept record already has another of', () => {
    const keep = { firstName: 'Awa', lastName: 'Traoré', phone: '+33612345670', email: null, building: '' };
    const drop = { firstName: 'Awa', lastName: 'TRAORE', phone: '+33698765432', email: 'awa@mail.example', building: 'Tour 9' };
    expect(lostValues(keep, drop)).toEqual([{ field: 'phone', value: '+33698765432', kept: '+33612345670' }]);
  });

  it('loses nothing when the dropped record only fills empty fields', () => {
    expect(lostValues({ firstName: 'Awa' }, { firstName: 'awa', street: 'Dalle Kennedy', city: 'Rennes' })).toEqual([]);
  });

  it('depends on which record is kept', () => {
    const a = { firstName: 'Hélène', city: 'Rennes' };
    const b = { firstName: 'Lena', city: null };
    expect(lostValues(a, b)).toEqual([{ field: 'firstName', value: 'Lena', kept: 'Hélène' }]);
    expect(lostValues(b, a)).toEqual([{ field: 'firstName', value: 'Hélène', kept: 'Lena' }]);
  });
});
