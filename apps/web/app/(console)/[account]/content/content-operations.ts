import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

export const BrandCheckFields = graphql(`
  fragment ContentBrandCheck on BrandCheck @_unmask {
    passed
    brandDnaVersion
    checkedAt
    issues {
      code
      message
    }
  }
`);

/** One page of the content list, most recently changed first. */
export const ContentListQuery = graphql(
  `
    query ContentList($first: Int, $after: String, $filter: ContentItemFilter) {
      contentItems(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          type
          status
          updatedAt
          brandCheck {
            ...ContentBrandCheck
          }
          campaign {
            id
            name
          }
        }
      }
    }
  `,
  [BrandCheckFields],
);

/** Everything the editor shows: the item, its brand check, the latest versions and its approvals. */
export const ContentItemQuery = graphql(
  `
    query ContentItem($id: ID!) {
      contentItem(id: $id) {
        id
        type
        status
        title
        subject
        body
        tags
        version
        templateId
        generationId
        mediaAssetIds
        createdAt
        updatedAt
        createdBy {
          id
          name
        }
        updatedBy {
          id
          name
        }
        campaign {
          id
          name
        }
        brandCheck {
          ...ContentBrandCheck
        }
        versions(first: 50) {
          totalCount
          nodes {
            version
            status
            title
            subject
            body
            createdAt
            createdBy {
              name
            }
          }
        }
        approvals {
          id
          version
          decision
          requestNote
          requestedAt
          requestedBy {
            name
          }
          comment
          decidedAt
          reviewer {
            name
          }
          selfReview
        }
      }
    }
  `,
  [BrandCheckFields],
);

/** The live campaigns an item can be filed under (the editor's and the filters' choices). */
export const ContentCampaignOptionsQuery = graphql(`
  query ContentCampaignOptions {
    campaigns(first: 100, filter: { deleted: false }) {
      totalCount
      nodes {
        id
        name
        status
      }
    }
  }
`);

const ItemPayloadFields = graphql(`
  fragment ContentItemSaved on ContentItem @_unmask {
    id
    version
    status
  }
`);

export const CreateContentItemMutation = graphql(
  `
    mutation CreateContentItem($input: CreateContentItemInput!) {
      createContentItem(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

export const UpdateContentItemMutation = graphql(
  `
    mutation UpdateContentItem($input: UpdateContentItemInput!) {
      updateContentItem(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

export const RequestContentReviewMutation = graphql(
  `
    mutation RequestContentReview($input: RequestContentReviewInput!) {
      requestContentReview(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

export const WithdrawContentReviewMutation = graphql(
  `
    mutation WithdrawContentReview($input: WithdrawContentReviewInput!) {
      withdrawContentReview(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

export const ApproveContentMutation = graphql(
  `
    mutation ApproveContent($input: ApproveContentInput!) {
      approveContent(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

export const RejectContentMutation = graphql(
  `
    mutation RejectContent($input: RejectContentInput!) {
      rejectContent(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

export const ArchiveContentItemMutation = graphql(
  `
    mutation ArchiveContentItem($input: ArchiveContentItemInput!) {
      archiveContentItem(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

export const RestoreContentItemMutation = graphql(
  `
    mutation RestoreContentItem($input: RestoreContentItemInput!) {
      restoreContentItem(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

export const RestoreContentVersionMutation = graphql(
  `
    mutation RestoreContentVersion($input: RestoreContentVersionInput!) {
      restoreContentVersion(input: $input) {
        contentItem {
          ...ContentItemSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ItemPayloadFields, UserErrorFields],
);

/** The queries that change when an item does: refresh them after every content mutation (the
 * campaign page lists the campaign's content; the calendar names items). */
export const CONTENT_QUERIES = ["ContentList", "ContentItem", "CampaignDetail"] as const;
