import type { Metadata } from "next";
import { NewSegmentView } from "./new-segment-view";

export const metadata: Metadata = { title: "New segment" };

export default function NewSegmentPage() {
  return <NewSegmentView />;
}
