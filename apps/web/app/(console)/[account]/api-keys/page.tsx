import type { Metadata } from "next";
import { ManageOnly } from "@/components/console/manage-only";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { ApiKeysTable } from "./api-keys-table";
import { CreateApiKeyForm } from "./create-api-key-form";

export const metadata: Metadata = { title: "API keys" };

export default function ApiKeysPage() {
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let other systems call the Markettina API as this account, limited to their scopes."
      />
      <Panel title="API keys">
        <ApiKeysTable />
      </Panel>
      <Panel title="New API key">
        <div className="p-4">
          <ManageOnly what="create API keys">
            <CreateApiKeyForm />
          </ManageOnly>
        </div>
      </Panel>
    </>
  );
}
