import { confirmTime, noShowTime } from '../reminders/turnout-times.js';

// ACTION_CONFIRM is the day before at 18:00 and ACTION_NO_SHOW the next morning at 09:00,
// on the organisation's wall clock: across a DST change the UTC hour moves, the local one does not.
describe('turnout reminder times', () => {
  it('the day before at 18:00 Paris time, on each side of the spring change (28 March 2027)', () => {
    expect(confirmTime(new Date('2027-03-28T08:00:00Z'), 'Europe/Paris').toISOString()).toBe('2027-03-27T17:00:00.000Z');
    expect(confirmTime(new Date('2027-03-29T08:00:00Z'), 'Europe/Paris').toISOString()).toBe('2027-03-28T16:00:00.000Z');
  });

  it('and of the autumn change (31 October 2027), and in Montréal', () => {
    expect(confirmTime(new Date('2027-10-31T09:00:00Z'), 'Europe/Paris').toISOString()).toBe('2027-10-30T16:00:00.000Z');
    expect(confirmTime(new Date('2027-11-01T09:00:00Z'), 'Europe/Paris').toISOString()).toBe('2027-10-31T17:00:00.000Z');
    expect(confirmTime(new Date('2027-03-15T14:00:00Z'), 'America/Montreal').toISOString()).toBe('2027-03-14T22:00:00.000Z');
  });

  it('the morning after closing at 09:00, even when closed late at night', () => {
    expect(noShowTime(new Date('2027-03-27T22:30:00Z'), 'Europe/Paris').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(noShowTime(new Date('2027-01-10T21:00:00Z'), 'Europe/Paris').toISOString()).toBe('2027-01-11T08:00:00.000Z');
  });
});
