import type { Metadata } from "next";
import { HealthView } from "./health-view";

export const metadata: Metadata = { title: "Database health" };

export default function AdminHealthPage() {
  return <HealthView />;
}
