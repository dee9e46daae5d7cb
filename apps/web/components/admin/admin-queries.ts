// Documents the platform-admin frame needs: whether the signed-in user is a platform admin.
import { graphql } from "@/lib/graphql/graphql";

export const AdminViewerQuery = graphql(`
  query AdminViewer {
    viewer {
      isPlatformAdmin
    }
  }
`);
