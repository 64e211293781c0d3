import { graphql } from '../../../gql';

/** Who is signed in, and the language to speak to them: theirs, else the organisation's. */
export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      role
      locale
    }
    organization {
      id
      name
      locale
    }
  }
`);
