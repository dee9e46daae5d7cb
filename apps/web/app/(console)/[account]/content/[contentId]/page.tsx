import type { Metadata } from "next";
import { ContentEditorView } from "./content-editor-view";

export const metadata: Metadata = { title: "Content" };

export default async function ContentItemPage({ params }: { params: Promise<{ contentId: string }> }) {
  const { contentId } = await params;
  return <ContentEditorView contentId={decodeURIComponent(contentId)} />;
}
