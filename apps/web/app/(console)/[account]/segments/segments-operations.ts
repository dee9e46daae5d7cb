import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

/** One page of the segments list, by name. */
export const SegmentListQuery = graphql(`
  query SegmentList($first: Int, $after: String, $search: String) {
    segments(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        description
        kind
        memberCount
        lastCalculatedAt
        updatedAt
      }
    }
  }
`);

/** Every segment's id, name and kind, for pickers (the builder's "member of", the contacts filter). */
export const SegmentOptionsQuery = graphql(`
  query SegmentOptions {
    segments(first: 200) {
      nodes {
        id
        name
        kind
      }
    }
  }
`);

export const SegmentDetailQuery = graphql(`
  query SegmentDetail($id: ID!) {
    segment(id: $id) {
      id
      name
      description
      kind
      conditions
      memberCount
      lastCalculatedAt
      version
      createdAt
      updatedAt
    }
  }
`);

/** A page of a segment's current members. */
export const SegmentMembersQuery = graphql(`
  query SegmentMembers($id: ID!, $first: Int, $after: String) {
    segment(id: $id) {
      id
      members(first: $first, after: $after) {
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
        }
      }
    }
  }
`);

/** Who a condition tree matches right now, without saving it; problems name the offending rows. */
export const SegmentPreviewQuery = graphql(
  `
  query SegmentPreview($conditions: JSON!, $segmentId: ID) {
    segmentPreview(conditions: $conditions, segmentId: $segmentId) {
      count
      sample {
        id
        displayName
        email
        phone
      }
      problems {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

const SegmentSavedFields = graphql(`
  fragment SegmentSavedFields on Segment @_unmask {
    id
    version
    memberCount
    lastCalculatedAt
  }
`);

export const CreateSegmentMutation = graphql(
  `
  mutation CreateSegment($input: CreateSegmentInput!) {
    createSegment(input: $input) {
      segment {
        ...SegmentSavedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, SegmentSavedFields],
);

export const UpdateSegmentMutation = graphql(
  `
  mutation UpdateSegment($input: UpdateSegmentInput!) {
    updateSegment(input: $input) {
      segment {
        ...SegmentSavedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, SegmentSavedFields],
);

export const RefreshSegmentMutation = graphql(
  `
  mutation RefreshSegment($input: RefreshSegmentInput!) {
    refreshSegment(input: $input) {
      segment {
        ...SegmentSavedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, SegmentSavedFields],
);

export const DeleteSegmentMutation = graphql(
  `
  mutation DeleteSegment($input: DeleteSegmentInput!) {
    deleteSegment(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const AddSegmentMembersMutation = graphql(
  `
  mutation AddSegmentMembers($input: AddSegmentMembersInput!) {
    addSegmentMembers(input: $input) {
      segment {
        ...SegmentSavedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, SegmentSavedFields],
);

export const RemoveSegmentMembersMutation = graphql(
  `
  mutation RemoveSegmentMembers($input: RemoveSegmentMembersInput!) {
    removeSegmentMembers(input: $input) {
      segment {
        ...SegmentSavedFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, SegmentSavedFields],
);

/** The queries that change when a segment or its members do: refresh them after every mutation. */
export const SEGMENT_QUERIES = [
  "SegmentList",
  "SegmentOptions",
  "SegmentDetail",
  "SegmentMembers",
  "ContactList",
  "ContactDetail",
] as const;
