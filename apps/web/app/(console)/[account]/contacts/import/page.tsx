import type { Metadata } from "next";
import { ImportContactsView } from "./import-contacts-view";

export const metadata: Metadata = { title: "Import contacts" };

export default function ImportContactsPage() {
  return <ImportContactsView />;
}
