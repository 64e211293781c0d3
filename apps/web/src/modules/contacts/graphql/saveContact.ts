import { graphql } from '../../../gql';

export const CreateContactMutation = graphql(`
  mutation CreateContact($input: ContactInput!) {
    createContact(input: $input) {
      id
      firstName
      lastName
    }
  }
`);

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($id: ID!, $input: ContactInput!) {
    updateContact(id: $id, input: $input) {
      id
      firstName
      lastName
      phone
      email
      street
      building
      postalCode
      city
      neighbourhood
      languages
      allyRoles
      isLeader
      tags
      consentGivenAt
    }
  }
`);

/** Who a reminder is about: name and phone, next to the reminder. */
export const ContactCardQuery = graphql(`
  query ContactCard($id: ID!) {
    contact(id: $id) {
      id
      firstName
      lastName
      phone
    }
  }
`);
