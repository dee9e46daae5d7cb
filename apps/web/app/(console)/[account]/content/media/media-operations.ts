import { graphql } from "@/lib/graphql/graphql";

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

const MediaUserErrorFields = graphql(`
  fragment MediaUserError on UserError @_unmask {
    field
    code
    message
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
          ...MediaUserError
        }
      }
    }
  `,
  [MediaUserErrorFields],
);

export const DeleteMediaAssetMutation = graphql(
  `
    mutation DeleteMediaAsset($input: DeleteMediaAssetInput!) {
      deleteMediaAsset(input: $input) {
        mediaAsset {
          id
        }
        userErrors {
          ...MediaUserError
        }
      }
    }
  `,
  [MediaUserErrorFields],
);

export const MEDIA_QUERIES = ["MediaLibrary"] as const;
