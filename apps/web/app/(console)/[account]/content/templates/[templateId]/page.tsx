import type { Metadata } from "next";
import { TemplateEditorView } from "./template-editor-view";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  return <TemplateEditorView templateId={decodeURIComponent(templateId)} />;
}
