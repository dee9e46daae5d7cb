import type { Metadata } from "next";
import { ContactDetailView } from "./contact-detail-view";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const { contactId } = await params;
  return <ContactDetailView contactId={decodeURIComponent(contactId)} />;
}
