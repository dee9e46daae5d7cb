import type { Metadata } from "next";
import { DefinitionView } from "./definition-view";

export const metadata: Metadata = { title: "Workflow" };

export default async function WorkflowDefinitionPage({
  params,
}: {
  params: Promise<{ definitionId: string }>;
}) {
  const { definitionId } = await params;
  return <DefinitionView definitionId={decodeURIComponent(definitionId)} />;
}
