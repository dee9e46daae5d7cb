import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { KIND_LABELS } from "../../segments/segment-model";
import { segmentPath } from "../../segments/segment-paths";
import type { ContactDetail } from "../contact-model";

/** The segments the contact is in now. */
export function ContactSegments({ contact }: { contact: ContactDetail }) {
  const accountSlug = useAccountSlug();
  return (
    <Panel title="Segments">
      {contact.segments.length === 0 ? (
        <EmptyState title="In no segment" />
      ) : (
        <ul aria-label="Segments of this contact" className="divide-y divide-zinc-100">
          {contact.segments.map((segment) => (
            <li key={segment.id} className="flex items-center justify-between px-4 py-2.5 text-sm">
              <Link
                href={segmentPath(accountSlug, segment.id)}
                className="font-medium text-zinc-900 hover:underline"
              >
                {segment.name}
              </Link>
              <Badge tone={segment.kind === "DYNAMIC" ? "accent" : "neutral"}>
                {KIND_LABELS[segment.kind]}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
