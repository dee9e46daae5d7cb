import type { Metadata } from "next";
import { JourneysView } from "./journeys-view";

export const metadata: Metadata = { title: "Journeys" };

export default function JourneysPage() {
  return <JourneysView />;
}
