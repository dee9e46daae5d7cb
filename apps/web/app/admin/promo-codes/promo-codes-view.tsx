"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { PromoCodeForm } from "./promo-code-form";
import { type PromoCode, PromoCodesTable } from "./promo-codes-table";

type Editing = { kind: "new" } | { kind: "edit"; promoCode: PromoCode } | null;

export function PromoCodesView() {
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Promo codes"
        description="Bonus-token codes are redeemed on the wallet page; percent-off codes apply when buying a package. Deactivate a code to stop it."
      >
        <Button onClick={() => setEditing({ kind: "new" })}>New promo code</Button>
      </PageHeader>
      {notice ? (
        <p role="status" className="mb-4 text-sm text-emerald-700">
          {notice}
        </p>
      ) : null}
      <Panel title="Promo codes">
        <PromoCodesTable onEdit={(promoCode) => setEditing({ kind: "edit", promoCode })} />
      </Panel>
      <Modal
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === "edit" ? `Edit ${editing.promoCode.code}` : "New promo code"}
      >
        {editing ? (
          <PromoCodeForm
            promoCode={editing.kind === "edit" ? editing.promoCode : null}
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
