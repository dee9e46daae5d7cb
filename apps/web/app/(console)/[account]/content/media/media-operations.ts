import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

/** One page of the media library, newest first. */
export const MediaLibraryQuery = graphql(`
  query MediaLibrary($first: Int, $after: String, $filter: MediaAssetFilter) {
    mediaAssets(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        fileName
        mimeType
        sizeBytes
        width
        height
        altText
        tags
        url
        createdAt
        createdBy {
          name
        }
      }
    }
  }
`);

export const UpdateMediaAssetMutation = graphql(
  `
    mutation UpdateMediaAsset($input: UpdateMediaAssetInput!) {
      updateMediaAsset(input: $input) {
        mediaAsset {
          id
          altText
          tags
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const DeleteMediaAssetMutation = graphql(
  `
    mutation DeleteMediaAsset($input: DeleteMediaAssetInput!) {
      deleteMediaAsset(input: $input) {
        mediaAsset {
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

export const MEDIA_QUERIES = ["MediaLibrary"] as const;
