// Segments as the console shows them: kinds in words, who may change them, and the raw id a
// condition tree uses for "member of segment" (the API's trees hold row ids, not global ids).
import type { ResultOf } from "@/lib/graphql/graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import type { SegmentDetailQuery, SegmentListQuery } from "./segments-operations";

export type SegmentListItem = ResultOf<typeof SegmentListQuery>["segments"]["nodes"][number];
export type SegmentDetail = NonNullable<ResultOf<typeof SegmentDetailQuery>["segment"]>;
export type SegmentKind = SegmentListItem["kind"];

export const SEGMENT_KINDS = ["DYNAMIC", "STATIC"] as const satisfies readonly SegmentKind[];

export const KIND_LABELS: Record<SegmentKind, string> = { DYNAMIC: "Dynamic", STATIC: "Static" };
export const KIND_DESCRIPTIONS: Record<SegmentKind, string> = {
  DYNAMIC: "Members are whoever matches the conditions, kept current as contacts change.",
  STATIC: "Members are the contacts you add from the contacts list.",
};

/** Everyone who reads contacts reads segments; owners, admins and members change them (contacts:write). */
export function canEditSegments(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}
