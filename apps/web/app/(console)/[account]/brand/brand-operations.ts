import { graphql } from "@/lib/graphql/graphql";

/** The profile and its history (newest first). */
export const BrandDnaQuery = graphql(`
  query BrandDna {
    brandDna {
      id
      brandName
      mission
      values
      toneFormality
      toneAdjectives
      audience
      personas {
        name
        description
      }
      keyMessages
      keywords
      wordsToAvoid
      palette {
        name
        hex
      }
      fonts {
        heading
        body
      }
      examplePosts
      languages
      version
      updatedAt
      updatedBy {
        name
      }
      versions {
        version
        restoredFromVersion
        createdAt
        createdBy {
          name
        }
      }
    }
  }
`);

export const BrandDnaDiffQuery = graphql(`
  query BrandDnaDiff($from: Int!, $to: Int!) {
    brandDnaDiff(from: $from, to: $to) {
      field
      before
      after
      added
      removed
    }
  }
`);

export const UpdateBrandDnaMutation = graphql(`
  mutation UpdateBrandDna($input: UpdateBrandDnaInput!) {
    updateBrandDna(input: $input) {
      brandDna {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RestoreBrandDnaVersionMutation = graphql(`
  mutation RestoreBrandDnaVersion($input: RestoreBrandDnaVersionInput!) {
    restoreBrandDnaVersion(input: $input) {
      brandDna {
        id
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** The queries that change when the brand profile does. */
export const BRAND_QUERIES = ["BrandDna", "BrandDnaDiff"] as const;
