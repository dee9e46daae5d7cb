import type { Metadata } from "next";
import { PackagesView } from "./packages-view";

export const metadata: Metadata = { title: "Packages" };

export default function AdminPackagesPage() {
  return <PackagesView />;
}
