import type { Gql } from './replay-fixture.js';

/**
 * Two people typed twice, as happens at a permanence's sign-in sheet, so that the
 * duplicates review (/contacts/duplicates) has something to show in the demo: the first
 * person met at the doors again with the same phone (and another city), the second with
 * the name run together on the same street.
 */
export async function seedDemoDuplicates(gql: Gql, token: string, contactIds: string[]): Promise<void> {
  if (contactIds.length < 2) return;
  const read = `query($id: ID!) { contact(id: $id) { firstName lastName phone street } }`;
  const [first, second] = await Promise.all(contactIds.slice(0, 2).map((id) => gql(read, { id }, token).then((d) => d.contact)));
  const create = `mutation($input: ContactInput!) { createContact(input: $input) { id } }`;
  const log = `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`;
  const again = await gql(
    create,
    {
      input: {
        firstName: first.firstName.toLowerCase(),
        lastName: first.lastName?.toUpperCase(),
        phone: first.phone,
        city: 'Rennes Cedex',
        tags: ['permanence'],
      },
    },
    token,
  );
  await gql(
    log,
    { input: { kind: 'DROP_IN', outcome: 'TALKED', contactId: again.createContact.id, notes: 'Venue à la permanence pour un dossier CMU.' } },
    token,
  );
  const twice = await gql(
    create,
    { input: { firstName: second.firstName, lastName: (second.lastName ?? '').replace(/\s+/g, ''), street: second.street, tags: ['feuille de présence'] } },
    token,
  );
  await gql(log, { input: { kind: 'PHONE', outcome: 'TALKED', contactId: twice.createContact.id, notes: 'Rappelé après la réunion publique.' } }, token);
}
