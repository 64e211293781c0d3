import { graphql } from '../../../gql';

// Its own file: the outbox sends dues from every page, so this document is in the app's entry; the rest of membership is not.
export const RecordDuesPaymentMutation = graphql(`
  mutation RecordDuesPayment($input: DuesPaymentInput!) {
    recordDuesPayment(input: $input) {
      id
      receiptNumber
      amountCents
      toSolidarityFundCents
      memberships {
        id
        startsAt
        endsAt
      }
    }
  }
`);

/** The Membership page: the year's report, the fund, who to renew. */
