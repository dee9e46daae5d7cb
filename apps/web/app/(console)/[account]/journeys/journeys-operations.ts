import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

/** One page of the journeys list, newest first, with each journey's key numbers. */
export const JourneyListQuery = graphql(`
  query JourneyList($first: Int, $after: String, $filter: JourneyFilter) {
    journeys(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        status
        publishedVersion
        updatedAt
        campaign {
          id
          name
        }
        stats {
          entered
          active
          waiting
          converted
        }
      }
    }
  }
`);

/** A journey for the builder: its draft and the problems of the saved draft, its versions. */
export const JourneyBuilderQuery = graphql(`
  query JourneyBuilder($id: ID!) {
    journey(id: $id) {
      id
      name
      description
      status
      version
      publishedVersion
      activatedAt
      pausedAt
      updatedAt
      draft
      draftProblems {
        nodeId
        code
        message
      }
      campaign {
        id
        name
      }
      versions {
        number
        definition
        publishedAt
        publishedBy {
          name
        }
      }
    }
  }
`);

/** The numbers the builder polls while the journey runs: per node and in total. */
export const JourneyLiveStatsQuery = graphql(`
  query JourneyLiveStats($id: ID!) {
    journey(id: $id) {
      id
      status
      stats {
        entered
        active
        waiting
        completed
        exited
        converted
        failed
      }
      nodeStats {
        nodeId
        entered
        waiting
        completed
        errored
        converted
      }
    }
  }
`);

/** Who is at one node right now (running or held there), earliest entry first. */
export const ContactsAtNodeQuery = graphql(`
  query ContactsAtNode($id: ID!, $nodeId: String!, $first: Int, $after: String) {
    journey(id: $id) {
      id
      contactsAtNode(nodeId: $nodeId, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          enteredAt
          nextRunAt
          versionNumber
          contact {
            id
            displayName
            email
          }
        }
      }
    }
  }
`);

const JourneyProblemFields = graphql(`
  fragment JourneyProblemFields on JourneyProblem @_unmask {
    nodeId
    code
    message
  }
`);

export const CreateJourneyMutation = graphql(
  `
  mutation CreateJourney($input: CreateJourneyInput!) {
    createJourney(input: $input) {
      journey {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const UpdateJourneyMutation = graphql(
  `
  mutation UpdateJourney($input: UpdateJourneyInput!) {
    updateJourney(input: $input) {
      journey {
        id
        version
        name
        description
        updatedAt
      }
      problems {
        ...JourneyProblemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, JourneyProblemFields],
);

export const PublishJourneyMutation = graphql(
  `
  mutation PublishJourney($input: PublishJourneyInput!) {
    publishJourney(input: $input) {
      journey {
        id
        version
        publishedVersion
      }
      problems {
        ...JourneyProblemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, JourneyProblemFields],
);

export const ActivateJourneyMutation = graphql(
  `
  mutation ActivateJourney($input: ActivateJourneyInput!) {
    activateJourney(input: $input) {
      journey {
        id
        status
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

export const PauseJourneyMutation = graphql(
  `
  mutation PauseJourney($input: PauseJourneyInput!) {
    pauseJourney(input: $input) {
      journey {
        id
        status
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

export const ResumeJourneyMutation = graphql(
  `
  mutation ResumeJourney($input: ResumeJourneyInput!) {
    resumeJourney(input: $input) {
      journey {
        id
        status
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

export const ArchiveJourneyMutation = graphql(
  `
  mutation ArchiveJourney($input: ArchiveJourneyInput!) {
    archiveJourney(input: $input) {
      journey {
        id
        status
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

export const EnrolContactsMutation = graphql(
  `
  mutation EnrolContacts($input: EnrolContactsInput!) {
    enrolContacts(input: $input) {
      enrolled
      skipped
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

/** Contacts to enrol, found by name or email (or all members of a segment). */
export const EnrolContactOptionsQuery = graphql(`
  query EnrolContactOptions($first: Int, $after: String, $filter: ContactFilter) {
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
        status
      }
    }
  }
`);

/** The queries that change when a journey does: refresh them after every journey mutation. */
export const JOURNEY_QUERIES = [
  "JourneyList",
  "JourneyBuilder",
  "JourneyLiveStats",
  "ContactsAtNode",
] as const;
