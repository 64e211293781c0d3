import { graphql } from '../../../gql';

/** A person's membership: status, history, payments, and the settings the dues form starts from. */
export const ContactMembershipQuery = graphql(`
  query ContactMembership($id: ID!) {
    membershipSettings {
      suggestedDuesCents
      currency
    }
    contact(id: $id) {
      id
      membershipStatus
      membershipEndsAt
      memberships {
        id
        startsAt
        endsAt
        fromSolidarityFund
        fundedBy {
          id
          firstName
          lastName
        }
        payment {
          id
          receiptNumber
        }
      }
      duesPayments {
        id
        amountCents
        method
        paidAt
        receiptNumber
        cancelledAt
      }
    }
  }
`);

export const MembershipOverviewQuery = graphql(`
  query MembershipOverview($year: Int!) {
    membershipSettings {
      suggestedDuesCents
      periodKind
      graceDays
    }
    membershipReport(year: $year) {
      year
      members
      newMembers
      renewed
      lapsed
      payingWhatTheyCan
      paidByAnother
      duesCents
      byAllyRole {
        allyRole
        members
      }
    }
    solidarityFund {
      balanceCents
      contributedCents
      usedCents
    }
    membersToRenew(withinDays: 30) {
      id
      firstName
      lastName
      phone
      membershipStatus
      membershipEndsAt
    }
  }
`);

/** Payments of the period: organisers only. */
export const DuesPaymentsQuery = graphql(`
  query DuesPayments($from: DateTime, $to: DateTime) {
    duesPayments(from: $from, to: $to, first: 500) {
      id
      amountCents
      method
      paidAt
      receiptNumber
      toSolidarityFundCents
      cancelledAt
      payer {
        id
        firstName
        lastName
      }
    }
  }
`);

export const ReceiptQuery = graphql(`
  query Receipt($id: ID!) {
    organization {
      id
      name
    }
    duesPayment(id: $id) {
      id
      amountCents
      method
      paidAt
      reference
      receiptNumber
      cancelledAt
      toSolidarityFundCents
      payer {
        id
        firstName
        lastName
        street
        building
        postalCode
        city
      }
      memberships {
        id
        startsAt
        endsAt
        contact {
          id
          firstName
          lastName
        }
      }
    }
  }
`);

export { RecordDuesPaymentMutation } from './recordDues';
