import type { Metadata } from "next";
import { NewContentView } from "./new-content-view";

export const metadata: Metadata = { title: "New content" };

export default function NewContentPage() {
  return <NewContentView />;
}
