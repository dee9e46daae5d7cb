import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

/** One page of the campaigns list (or of the trash, with `filter.deleted`), newest first. */
export const CampaignListQuery = graphql(`
  query CampaignList($first: Int, $after: String, $filter: CampaignFilter) {
    campaigns(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        type
        status
        startsAt
        endsAt
        timeZone
        tags
        updatedAt
        deletedAt
        version
      }
    }
  }
`);

/** One campaign by its global id (a deleted one too: its page offers to restore it), with a first
 * page of its content and posts and its counts. */
export const CampaignDetailQuery = graphql(`
  query CampaignDetail($id: ID!) {
    campaign(id: $id) {
      id
      name
      description
      type
      status
      objectives
      budgetTokens
      budgetMinor
      budgetCurrency
      startsAt
      endsAt
      timeZone
      tags
      version
      createdAt
      updatedAt
      deletedAt
      createdBy {
        name
      }
      stats {
        contentItems
        scheduled
        publishing
        published
        failed
        cancelled
      }
      contentItems(first: 20) {
        totalCount
        nodes {
          id
          title
          type
          status
          updatedAt
        }
      }
      posts(first: 20) {
        totalCount
        nodes {
          id
          channel
          status
          scheduledAt
          timeZone
          contentItemTitle
          connectorName
          lastError
        }
      }
    }
  }
`);

/** The account's own time zone: where a new campaign's dates are planned unless someone picks another. */
export const CampaignAccountTimeZoneQuery = graphql(`
  query CampaignAccountTimeZone {
    account {
      id
      timeZone
    }
  }
`);

export const CreateCampaignMutation = graphql(
  `
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign {
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

export const UpdateCampaignMutation = graphql(
  `
  mutation UpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) {
      campaign {
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

export const ChangeCampaignStatusMutation = graphql(
  `
  mutation ChangeCampaignStatus($input: ChangeCampaignStatusInput!) {
    changeCampaignStatus(input: $input) {
      campaign {
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

export const DeleteCampaignMutation = graphql(
  `
  mutation DeleteCampaign($input: DeleteCampaignInput!) {
    deleteCampaign(input: $input) {
      campaign {
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

export const RestoreCampaignMutation = graphql(
  `
  mutation RestoreCampaign($input: RestoreCampaignInput!) {
    restoreCampaign(input: $input) {
      campaign {
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

/** The queries that change when a campaign does: refresh them after every campaign mutation. */
export const CAMPAIGN_QUERIES = ["CampaignList", "CampaignDetail"] as const;
