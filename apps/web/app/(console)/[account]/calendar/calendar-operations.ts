import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

/** The account's own zone (the calendar's default) and what it is. */
export const CalendarAccountQuery = graphql(`
  query CalendarAccount {
    account {
      id
      name
      slug
      kind
      timeZone
    }
  }
`);

/** What the calendar shows of a post, on the grid and in its panel. */
export const CalendarPostFields = graphql(`
  fragment CalendarPostFields on ScheduledPost @_unmask {
    id
    scheduledAt
    timeZone
    channel
    status
    attempts
    lastError
    publishedAt
    version
    contentItem {
      id
      title
    }
    connector {
      id
      name
    }
    campaign {
      id
      name
    }
    account {
      id
      name
      slug
    }
  }
`);

/** The posts between two instants; an agency may ask for its sub-accounts' posts too. */
export const CalendarPostsQuery = graphql(
  `
  query CalendarPosts(
    $from: DateTime!
    $to: DateTime!
    $channels: [PostChannel!]
    $campaignIds: [ID!]
    $statuses: [ScheduledPostStatus!]
    $accountIds: [ID!]
  ) {
    calendar(
      from: $from
      to: $to
      channels: $channels
      campaignIds: $campaignIds
      statuses: $statuses
      accountIds: $accountIds
    ) {
      ...CalendarPostFields
    }
  }
`,
  [CalendarPostFields],
);

/** One post, for its panel: it follows the post wherever it moves (publishing now moves it to today). */
export const CalendarPostQuery = graphql(
  `
  query CalendarPost($id: ID!) {
    node(id: $id) {
      __typename
      ...CalendarPostFields
    }
  }
`,
  [CalendarPostFields],
);

/** The agency's clients, to show their posts beside the agency's own. */
export const CalendarSubAccountsQuery = graphql(`
  query CalendarSubAccounts {
    subAccounts(first: 100) {
      nodes {
        id
        name
        slug
      }
    }
  }
`);

/** One account's campaigns, for the filter (asked in each account shown). */
export const CalendarCampaignsQuery = graphql(`
  query CalendarCampaigns {
    campaigns(first: 100) {
      nodes {
        id
        name
        status
      }
    }
  }
`);

/** What a new post is made of, in the account it is scheduled in. */
export const ScheduleOptionsQuery = graphql(`
  query ScheduleOptions {
    contentItems(first: 100) {
      nodes {
        id
        title
        type
        status
        campaign {
          id
          name
        }
      }
    }
    connectors(first: 100, enabled: true) {
      nodes {
        id
        name
        kind
        enabled
      }
    }
    campaigns(first: 100) {
      nodes {
        id
        name
        status
      }
    }
  }
`);

export const SchedulePostMutation = graphql(
  `
  mutation SchedulePost($input: SchedulePostInput!) {
    schedulePost(input: $input) {
      post {
        id
        scheduledAt
        timeZone
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

export const ReschedulePostMutation = graphql(
  `
  mutation ReschedulePost($input: ReschedulePostInput!) {
    reschedulePost(input: $input) {
      post {
        id
        scheduledAt
        timeZone
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

export const CancelPostMutation = graphql(
  `
  mutation CancelPost($input: CancelPostInput!) {
    cancelPost(input: $input) {
      post {
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

export const RetryPostMutation = graphql(
  `
  mutation RetryPost($input: RetryPostInput!) {
    retryPost(input: $input) {
      post {
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

export const PublishPostNowMutation = graphql(
  `
  mutation PublishPostNow($input: PublishPostNowInput!) {
    publishPostNow(input: $input) {
      post {
        id
        scheduledAt
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

/** The queries a change to a post touches. */
export const CALENDAR_QUERIES = ["CalendarPosts", "CalendarPost"] as const;
