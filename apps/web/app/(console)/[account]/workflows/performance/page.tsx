import type { Metadata } from "next";
import { PerformanceView } from "./performance-view";

export const metadata: Metadata = { title: "Workflow performance" };

export default function WorkflowPerformancePage() {
  return <PerformanceView />;
}
