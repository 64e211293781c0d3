import { graphql } from '../../../gql';

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
      user {
        id
        email
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
  }
`);
