import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

/** One page of the template list (by name), live or archived. */
export const TemplateListQuery = graphql(`
  query TemplateList($first: Int, $after: String, $filter: TemplateFilter) {
    templates(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        description
        subject
        archivedAt
        updatedAt
        variables {
          name
        }
      }
    }
  }
`);

export const TemplateDetailQuery = graphql(`
  query TemplateDetail($id: ID!) {
    template(id: $id) {
      id
      name
      kind
      description
      subject
      body
      version
      archivedAt
      createdAt
      updatedAt
      createdBy {
        id
        name
      }
      variables {
        name
        defaultValue
      }
    }
  }
`);

const TemplateSavedFields = graphql(`
  fragment TemplateSaved on Template @_unmask {
    id
    version
    archivedAt
  }
`);

export const CreateTemplateMutation = graphql(
  `
    mutation CreateTemplate($input: CreateTemplateInput!) {
      createTemplate(input: $input) {
        template {
          ...TemplateSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [TemplateSavedFields, UserErrorFields],
);

export const UpdateTemplateMutation = graphql(
  `
    mutation UpdateTemplate($input: UpdateTemplateInput!) {
      updateTemplate(input: $input) {
        template {
          ...TemplateSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [TemplateSavedFields, UserErrorFields],
);

export const ArchiveTemplateMutation = graphql(
  `
    mutation ArchiveTemplate($input: ArchiveTemplateInput!) {
      archiveTemplate(input: $input) {
        template {
          ...TemplateSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [TemplateSavedFields, UserErrorFields],
);

export const UnarchiveTemplateMutation = graphql(
  `
    mutation UnarchiveTemplate($input: UnarchiveTemplateInput!) {
      unarchiveTemplate(input: $input) {
        template {
          ...TemplateSaved
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [TemplateSavedFields, UserErrorFields],
);

export const DeleteTemplateMutation = graphql(
  `
    mutation DeleteTemplate($input: DeleteTemplateInput!) {
      deleteTemplate(input: $input) {
        deletedTemplateId
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

/** The queries that change when a template does (the content editor's picker lists live ones). */
export const TEMPLATE_QUERIES = ["TemplateList", "TemplateDetail", "ContentTemplateOptions"] as const;
