import { checkRule, occurrences, occursOn, parseSessionId, sessionId, vtimezone, ruleForCalendar } from '../session-occurrences.js';

// Summer time in 2026 and 2027: Europe/Paris changes on the last Sundays of March and
// October (29 March / 25 October 2026, 28 March / 31 October 2027); America/New_York
// on the second Sunday of March and the first of November (8 March / 1 November 2026,
// 14 March / 7 November 2027). A Tuesday 10:00 session stays 10:00 on the wall clock.

const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';
const tuesdays = { rrule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: '2019-11-05', startTime: '10:00', endTime: '12:30' };
const iso = (d: Date) => d.toISOString();

describe('occurrences in the organisation’s time zone', () => {
  it('Paris, spring 2026: 10:00 is 09:00 UTC before 29 March and 08:00 UTC after', () => {
    const list = occurrences(tuesdays, new Date('2026-03-20T00:00:00Z'), new Date('2026-04-08T00:00:00Z'), PARIS);
    expect(list.map((o) => [o.occursOn, iso(o.startsAt), iso(o.endsAt)])).toEqual([
      ['2026-03-24', '2026-03-24T09:00:00.000Z', '2026-03-24T11:30:00.000Z'],
      ['2026-03-31', '2026-03-31T08:00:00.000Z', '2026-03-31T10:30:00.000Z'],
      ['2026-04-07', '2026-04-07T08:00:00.000Z', '2026-04-07T10:30:00.000Z'],
    ]);
  });

  it('Paris, autumn 2026 and both changes of 2027', () => {
    const autumn = occurrences(tuesdays, new Date('2026-10-19T00:00:00Z'), new Date('2026-10-28T00:00:00Z'), PARIS);
    expect(autumn.map((o) => iso(o.startsAt))).toEqual(['2026-10-20T08:00:00.000Z', '2026-10-27T09:00:00.000Z']);
    const spring27 = occurrences(tuesdays, new Date('2027-03-22T00:00:00Z'), new Date('2027-04-01T00:00:00Z'), PARIS);
    expect(spring27.map((o) => iso(o.startsAt))).toEqual(['2027-03-23T09:00:00.000Z', '2027-03-30T08:00:00.000Z']);
    const autumn27 = occurrences(tuesdays, new Date('2027-10-25T00:00:00Z'), new Date('2027-11-04T00:00:00Z'), PARIS);
    expect(autumn27.map((o) => iso(o.startsAt))).toEqual(['2027-10-26T08:00:00.000Z', '2027-11-02T09:00:00.000Z']);
  });

  it('New York: Thursday 14:00 across 8 March and 1 November 2026, 14 March and 7 November 2027', () => {
    const thursdays = { rrule: 'FREQ=WEEKLY;BYDAY=TH', startsOn: '2026-01-01', startTime: '14:00', endTime: '16:30' };
    const at = (from: string, to: string) => occurrences(thursdays, new Date(from), new Date(to), NEW_YORK).map((o) => iso(o.startsAt));
    expect(at('2026-03-02T00:00:00Z', '2026-03-13T00:00:00Z')).toEqual(['2026-03-05T19:00:00.000Z', '2026-03-12T18:00:00.000Z']);
    expect(at('2026-10-26T00:00:00Z', '2026-11-06T00:00:00Z')).toEqual(['2026-10-29T18:00:00.000Z', '2026-11-05T19:00:00.000Z']);
    expect(at('2027-03-08T00:00:00Z', '2027-03-19T00:00:00Z')).toEqual(['2027-03-11T19:00:00.000Z', '2027-03-18T18:00:00.000Z']);
    expect(at('2027-11-01T00:00:00Z', '2027-11-12T00:00:00Z')).toEqual(['2027-11-04T18:00:00.000Z', '2027-11-11T19:00:00.000Z']);
  });

  it('a late-evening session keeps its local day even when UTC is already the next day', () => {
    const evenings = { rrule: 'FREQ=WEEKLY;BYDAY=MO', startsOn: '2026-01-05', startTime: '23:30', endTime: '23:59' };
    const list = occurrences(evenings, new Date('2026-07-01T00:00:00Z'), new Date('2026-07-15T00:00:00Z'), 'Pacific/Auckland');
    expect(list.map((o) => o.occursOn)).toEqual(['2026-07-06', '2026-07-13']);
    expect(iso(list[0].startsAt)).toBe('2026-07-06T11:30:00.000Z'); // NZST, UTC+12
  });

  it('monthly by position, INTERVAL and UNTIL', () => {
    const firstMonday = { rrule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1', startsOn: '2026-01-01', startTime: '13:30', endTime: '15:00' };
    expect(occurrences(firstMonday, new Date('2026-01-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'), PARIS).map((o) => o.occursOn)).toEqual([
      '2026-01-05',
      '2026-02-02',
      '2026-03-02',
      '2026-04-06',
    ]);
    const fortnightly = { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260217', startsOn: '2026-01-06', startTime: '14:30', endTime: '15:30' };
    expect(occurrences(fortnightly, new Date('2026-01-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'), PARIS).map((o) => o.occursOn)).toEqual([
      '2026-01-06',
      '2026-01-20',
      '2026-02-03',
      '2026-02-17', // UNTIL given as a date includes its day
    ]);
    expect(occursOn(fortnightly, '2026-01-20', PARIS)).toBe(true);
    expect(occursOn(fortnightly, '2026-01-13', PARIS)).toBe(false);
    expect(occursOn(fortnightly, '2026-03-03', PARIS)).toBe(false);
  });

  it('nothing before the first day', () => {
    expect(occurrences(tuesdays, new Date('2019-10-01T00:00:00Z'), new Date('2019-11-13T00:00:00Z'), PARIS).map((o) => o.occursOn)).toEqual([
      '2019-11-05',
      '2019-11-12',
    ]);
  });
});

describe('checkRule', () => {
  it.each([
    'FREQ=SECONDLY',
    'FREQ=DAILY',
    'garbage',
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=WEEKLY;INTERVAL=0',
    'FREQ=WEEKLY;BYHOUR=10',
    'FREQ=WEEKLY;UNTIL=soon',
    '',
    'FREQ=WEEKLY;FREQ=MONTHLY',
  ])('refuses %p naming the field', (rule) => {
    expect(() => checkRule('input.rrule', rule)).toThrow(/^input\.rrule: /);
  });

  it('accepts the association’s rules, with RRULE: and a DTSTART line', () => {
    expect(checkRule('f', 'freq=weekly;byday=tu')).toEqual({ rule: 'FREQ=WEEKLY;BYDAY=TU', startsOn: null });
    expect(checkRule('f', 'DTSTART;TZID=Europe/Paris:20191105T100000\nRRULE:FREQ=WEEKLY;BYDAY=TU')).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=TU',
      startsOn: '2019-11-05',
    });
    expect(checkRule('f', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1;UNTIL=20271231T230000Z').rule).toBe('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1;UNTIL=20271231T230000Z');
  });
});

describe('session ids and calendar helpers', () => {
  it('a session id is the series and the day, and reads back', () => {
    const id = sessionId('0b6f4f58-3c1e-4c52-9e59-1a2b3c4d5e6f', '2026-03-03');
    expect(parseSessionId(id)).toEqual({ seriesId: '0b6f4f58-3c1e-4c52-9e59-1a2b3c4d5e6f', day: '2026-03-03' });
    expect(parseSessionId('0b6f4f58-3c1e-4c52-9e59-1a2b3c4d5e6f')).toBeNull();
    expect(parseSessionId('x_2026-03-03')).toBeNull();
  });

  it('UNTIL as a date becomes the end of that day in UTC for calendar clients', () => {
    expect(ruleForCalendar({ ...tuesdays, rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630' }, PARIS)).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T215959Z');
  });

  it('the VTIMEZONE holds the 2026 changes of Paris', () => {
    const lines = vtimezone(PARIS, 2026, 2026);
    expect(lines).toEqual(
      expect.arrayContaining(['BEGIN:DAYLIGHT', 'DTSTART:20260329T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:20261025T030000']),
    );
  });
});
