import type { Metadata } from "next";
import { InstancesView } from "./instances-view";

export const metadata: Metadata = { title: "Workflow instances" };

export default function WorkflowInstancesPage() {
  return <InstancesView />;
}
