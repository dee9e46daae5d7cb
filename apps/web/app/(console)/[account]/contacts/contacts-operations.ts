import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

/** One page of the contacts list, newest first, with the filter's total. */
export const ContactListQuery = graphql(`
  query ContactList($first: Int, $after: String, $filter: ContactFilter) {
    contacts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        displayName
        email
        phone
        status
        tags
        createdAt
        updatedAt
      }
    }
  }
`);

/** One contact with its consent per channel and the segments it is in. */
export const ContactDetailQuery = graphql(`
  query ContactDetail($id: ID!) {
    contact(id: $id) {
      id
      email
      phone
      firstName
      lastName
      displayName
      attributes
      tags
      timeZone
      status
      externalId
      version
      createdAt
      updatedAt
      deletedAt
      consents {
        channel
        type
        status
        grantedAt
        revokedAt
        source
        updatedAt
      }
      segments {
        id
        name
        kind
      }
    }
  }
`);

/** A page of what happened to a contact, newest first: events, journeys, messages, consent. */
export const ContactTimelineQuery = graphql(`
  query ContactTimeline($id: ID!, $first: Int, $after: String) {
    contact(id: $id) {
      id
      timeline(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          at
          kind
          title
          detail
        }
      }
    }
  }
`);

/** The account's own time zone: a new contact's default until someone picks another. */
export const ContactAccountTimeZoneQuery = graphql(`
  query ContactAccountTimeZone {
    account {
      id
      timeZone
    }
  }
`);

/** Every contact the filter matches, as CSV (the same columns an import reads). */
export const ContactExportQuery = graphql(`
  query ContactExport($filter: ContactFilter) {
    contactExport(filter: $filter) {
      csv
      rowCount
    }
  }
`);

const ContactSavedFields = graphql(`
  fragment ContactSavedFields on Contact @_unmask {
    id
    version
  }
`);

export const CreateContactMutation = graphql(
  `
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      contact {
        ...ContactSavedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, ContactSavedFields],
);

export const UpdateContactMutation = graphql(
  `
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      contact {
        ...ContactSavedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, ContactSavedFields],
);

export const DeleteContactsMutation = graphql(
  `
  mutation DeleteContacts($input: DeleteContactsInput!) {
    deleteContacts(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const RestoreContactMutation = graphql(
  `
  mutation RestoreContact($input: RestoreContactInput!) {
    restoreContact(input: $input) {
      contact {
        ...ContactSavedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, ContactSavedFields],
);

export const TagContactsMutation = graphql(
  `
  mutation TagContacts($input: TagContactsInput!) {
    tagContacts(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const SetConsentMutation = graphql(
  `
  mutation SetConsent($input: SetConsentInput!) {
    setConsent(input: $input) {
      contact {
        id
        version
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const ImportContactsMutation = graphql(
  `
  mutation ImportContacts($input: ImportContactsInput!) {
    importContacts(input: $input) {
      report {
        imported
        updated
        invalid
        rows {
          row
          reasons
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

/** The queries that change when contacts do: refresh them after every contact mutation. */
export const CONTACT_QUERIES = [
  "ContactList",
  "ContactDetail",
  "ContactTimeline",
  "SegmentList",
  "SegmentDetail",
  "SegmentMembers",
] as const;
