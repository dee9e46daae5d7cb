import type { Metadata } from "next";
import { InstanceView } from "./instance-view";

export const metadata: Metadata = { title: "Workflow instance" };

export default async function WorkflowInstancePage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  return <InstanceView instanceId={decodeURIComponent(instanceId)} />;
}
