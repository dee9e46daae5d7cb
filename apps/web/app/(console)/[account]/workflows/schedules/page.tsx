import type { Metadata } from "next";
import { SchedulesView } from "./schedules-view";

export const metadata: Metadata = { title: "Workflow schedules" };

export default function WorkflowSchedulesPage() {
  return <SchedulesView />;
}
