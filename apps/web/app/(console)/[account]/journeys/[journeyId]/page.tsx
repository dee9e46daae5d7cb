import type { Metadata } from "next";
import { JourneyBuilderView } from "./journey-builder-view";

export const metadata: Metadata = { title: "Journey builder" };

export default async function JourneyPage({ params }: { params: Promise<{ journeyId: string }> }) {
  const { journeyId } = await params;
  return <JourneyBuilderView journeyId={decodeURIComponent(journeyId)} />;
}
