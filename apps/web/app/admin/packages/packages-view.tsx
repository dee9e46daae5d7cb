"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { PackagesTable, type TokenPackage } from "./packages-table";
import { TokenPackageForm } from "./token-package-form";

type Editing = { kind: "new" } | { kind: "edit"; tokenPackage: TokenPackage } | null;

export function PackagesView() {
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Packages"
        description="The token packages every account can buy. Withdraw a package by deactivating it: invoices keep referring to it."
      >
        <Button onClick={() => setEditing({ kind: "new" })}>New package</Button>
      </PageHeader>
      {notice ? (
        <p role="status" className="mb-4 text-sm text-emerald-700">
          {notice}
        </p>
      ) : null}
      <Panel title="Packages">
        <PackagesTable onEdit={(tokenPackage) => setEditing({ kind: "edit", tokenPackage })} />
      </Panel>
      <Modal
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === "edit" ? `Edit ${editing.tokenPackage.name}` : "New package"}
      >
        {editing ? (
          <TokenPackageForm
            tokenPackage={editing.kind === "edit" ? editing.tokenPackage : null}
            onCancel={() => setEditing(null)}
            onSaved={(message) => {
              setEditing(null);
              setNotice(message);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
