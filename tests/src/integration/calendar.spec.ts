import { escapeText, foldLine } from '@rapport/actions';
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { createCampaign, createContact, errorOf, inHours, scheduleAction, setParticipation } from '../support/campaign-fixtures.js';

interface Property {
  name: string;
  params: string;
  value: string;
}

/** Splits a feed into physical lines, checking CRLF endings and the 75-octet limit. */
function physicalLines(body: string): string[] {
  expect(body.endsWith('\r\n')).toBe(true);
  const lines = body.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  return lines;
}

/** Unfolds (RFC 5545 §3.1) and parses content lines. */
function parse(body: string): Property[] {
  const unfolded: string[] = [];
  for (const line of physicalLines(body)) {
    if (line.startsWith(' ')) unfolded[unfolded.length - 1] += line.slice(1);
    else unfolded.push(line);
  }
  return unfolded.map((line) => {
    const colon = line.indexOf(':');
    const [name, ...params] = line.slice(0, colon).split(';');
    return { name, params: params.join(';'), value: line.slice(colon + 1) };
  });
}

const unescape = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** The VEVENTs of a feed, each as a map of property name to unescaped value. */
function events(props: Property[]): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const p of props) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = {};
    else if (p.name === 'END' && p.value === 'VEVENT') {
      out.push(current!);
      current = null;
    } else if (current) current[p.name] = unescape(p.value);
  }
  return out;
}

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

describe('calendar feed', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  const past = new Date(Math.floor(inHours(-24 * 30).getTime() / 1000) * 1000);
  const future = new Date(Math.floor(inHours(24 * 7).getTime() / 1000) * 1000);
  const longTitle = 'Grande délégation à la CPAM de Villejean pour la réouverture de l’accueil physique, avec poireaux et mégaphones 📣';
  let pastId: string;
  let futureId: string;

  const feedUrl = async (token: string) => {
    const data = await t.ok<{ calendarFeedUrl: string }>('{ calendarFeedUrl }', undefined, token);
    return `${t.url}${new URL(data.calendarFeedUrl).pathname}`;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Alliance; Villejean, Rennes');
    const campaignId = await createCampaign(t, org.token, 'CPAM, Villejean');
    pastId = await scheduleAction(t, org.token, {
      campaignId,
      title: 'Rassemblement; 1\\2, enfin',
      kind: 'RALLY',
      visibility: 'ALLIES',
      startsAt: past.toISOString(),
      location: 'Parvis, CPAM\nporte B',
    });
    await t.ok(`mutation($a: ID!) { recordActionOutcome(actionId: $a, outcome: "Rendez-vous obtenu\\nle 12, à 10h") { id } }`, { a: pastId }, org.token);
    futureId = await scheduleAction(t, org.token, { campaignId, title: longTitle, visibility: 'ALLIES', startsAt: future.toISOString() });
    await scheduleAction(t, org.token, { campaignId, title: 'Réunion d’équipe secrète', visibility: 'TEAM', startsAt: future.toISOString() });
    const contactId = await createContact(t, org.token, { firstName: 'Mariama', lastName: 'Konaté', email: 'mariama@example.org', phone: '06 12 34 56 78' });
    await setParticipation(t, org.token, futureId, contactId, 'COMMITTED');
    // Another organisation's ALLIES action never shows.
    const other = await registerOrganization(t, 'Other');
    await scheduleAction(t, other.token, { campaignId: await createCampaign(t, other.token), title: 'Their action', visibility: 'ALLIES' });
  });
  afterAll(() => t.close());

  it('serves an RFC 5545 calendar of the ALLIES actions, past and future, and nothing about people', async () => {
    const res = await fetch(await feedUrl(org.token));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await res.text();
    const props = parse(body);

    expect(props[0]).toEqual({ name: 'BEGIN', params: '', value: 'VCALENDAR' });
    expect(props[props.length - 1]).toEqual({ name: 'END', params: '', value: 'VCALENDAR' });
    const top = Object.fromEntries(props.filter((p) => ['VERSION', 'PRODID', 'X-WR-CALNAME'].includes(p.name)).map((p) => [p.name, p.value]));
    expect(top.VERSION).toBe('2.0');
    expect(top.PRODID).toMatch(/^-\/\/Rapport\/\//);
    expect(unescape(top['X-WR-CALNAME'])).toBe('Alliance; Villejean, Rennes — actions');
    expect(top['X-WR-CALNAME']).toContain('Alliance\\; Villejean\\, Rennes');

    const vevents = events(props);
    expect(vevents).toHaveLength(2);
    const [first, second] = vevents;
    expect(first).toEqual({
      UID: `${pastId}@rapport`,
      DTSTAMP: expect.stringMatching(/^\d{8}T\d{6}Z$/),
      DTSTART: utc(past),
      DTEND: utc(new Date(past.getTime() + 2 * 3600 * 1000)),
      SUMMARY: 'Rassemblement; 1\\2, enfin',
      LOCATION: 'Parvis, CPAM\nporte B',
      DESCRIPTION: 'Campagne : CPAM, Villejean',
    });
    expect(second).toMatchObject({ UID: `${futureId}@rapport`, DTSTART: utc(future), SUMMARY: longTitle, DESCRIPTION: 'Campagne : CPAM, Villejean' });
    expect(second.LOCATION).toBeUndefined();

    // Escaping as the RFC spells it, and the long summary folded.
    expect(body).toContain('SUMMARY:Rassemblement\\; 1\\\\2\\, enfin');
    expect(props.find((p) => p.name === 'DESCRIPTION')!.value).toBe('Campagne : CPAM\\, Villejean');
    expect(props.find((p) => p.name === 'LOCATION')!.value).toBe('Parvis\\, CPAM\\nporte B');
    expect(body).toMatch(/\r\n [^\r]/);

    // The outcome is members' words (it may name people): not for allies.
    for (const secret of ['Rendez-vous obtenu', 'Bilan', 'Réunion', 'Their action', 'Mariama', 'Konaté', 'mariama@example.org', '+33612345678', '0612345678']) {
      expect(body).not.toContain(secret);
    }
  });

  it('answers 404 for an unknown token', async () => {
    expect((await fetch(`${t.url}/calendar/not-a-real-token.ics`)).status).toBe(404);
    expect((await fetch(`${t.url}/calendar/.ics`)).status).toBe(404);
  });

  it('gives every member, allies included, the URL; after a rotation the old URL answers 404 and the new one works', async () => {
    const ally = await addMember(t, org.token, 'ALLY');
    const oldUrl = await feedUrl(ally.token);
    expect(oldUrl).toMatch(/\/calendar\/[\w-]+\.ics$/);
    expect((await fetch(oldUrl)).status).toBe(200);

    expect(errorOf(await t.gql('mutation { rotateCalendarFeed { id } }', undefined, ally.token)).code).toBe('FORBIDDEN');
    await t.ok('mutation { rotateCalendarFeed { id } }', undefined, org.token);

    expect((await fetch(oldUrl)).status).toBe(404);
    const newUrl = await feedUrl(ally.token);
    expect(newUrl).not.toBe(oldUrl);
    const res = await fetch(newUrl);
    expect(res.status).toBe(200);
    expect(events(parse(await res.text())).map((e) => e.UID)).toEqual([`${pastId}@rapport`, `${futureId}@rapport`]);
  });

  describe('line folding and escaping', () => {
    it('folds at 75 octets without splitting a UTF-8 character, and unfolds back to the same line', () => {
      const line = `SUMMARY:${'é'.repeat(50)}${'📣'.repeat(20)}${'a'.repeat(90)}`;
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      expect(parts.length).toBeGreaterThan(3);
      parts.forEach((part, i) => {
        expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        if (i > 0) expect(part.startsWith(' ')).toBe(true);
        expect(part).not.toContain('\uFFFD');
      });
      expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
      expect(foldLine('SHORT:line')).toBe('SHORT:line');
      // An escape stays on one line.
      const escaped = foldLine(`DESCRIPTION:${'x'.repeat(62)}\\,rest`);
      expect(escaped.split('\r\n')).toEqual([`DESCRIPTION:${'x'.repeat(62)}`, ' \\,rest']);
    });

    it('escapes backslashes, semicolons, commas and newlines', () => {
      expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    });
  });
});
