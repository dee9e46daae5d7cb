import type { Metadata } from "next";
import { SegmentDetailView } from "./segment-detail-view";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  const { segmentId } = await params;
  return <SegmentDetailView segmentId={decodeURIComponent(segmentId)} />;
}
