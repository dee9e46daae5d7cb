// A catalog page: header with "New …", the saved notice, the list, and the create/edit dialog.
"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { PageHeader, Panel } from "@/components/ui/page-header";

export function CatalogView<TItem extends object>({
  title,
  description,
  noun,
  panelTitle,
  nameOf,
  table,
  form,
}: {
  title: string;
  description: string;
  /** Names the item: "package" gives the "New package" button and dialog. */
  noun: string;
  panelTitle: string;
  /** Titles the edit dialog: "Edit <name>". */
  nameOf: (item: TItem) => string;
  table: (onEdit: (item: TItem) => void) => ReactNode;
  /** The form for `item` (null: a new one). */
  form: (item: TItem | null, done: { onCancel: () => void; onSaved: (message: string) => void }) => ReactNode;
}) {
  // null: the dialog is closed; item null: it creates a new one.
  const [editing, setEditing] = useState<{ item: TItem | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={title} description={description}>
        <Button onClick={() => setEditing({ item: null })}>{`New ${noun}`}</Button>
      </PageHeader>
      {notice ? (
        <p role="status" className="mb-4 text-sm text-emerald-700">
          {notice}
        </p>
      ) : null}
      <Panel title={panelTitle}>{table((item) => setEditing({ item }))}</Panel>
      <Modal
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.item ? `Edit ${nameOf(editing.item)}` : `New ${noun}`}
      >
        {editing
          ? form(editing.item, {
              onCancel: () => setEditing(null),
              onSaved: (message) => {
                setEditing(null);
                setNotice(message);
              },
            })
          : null}
      </Modal>
    </>
  );
}
