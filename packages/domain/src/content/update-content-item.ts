// Edits a content item, naming the version read.
//
// Edits and approval (the behaviour reviewers in Hootsuite- or Customer.io-style approval flows
// rely on): an approval is of specific content. Changing what would be published — type, title,
// subject, body, media — while the item is in review or approved takes it back to draft and
// withdraws the pending approval, so no change rides out on an earlier approval and the reviewer
// is asked again about the text readers will see. Changing only how the item is filed (tags,
// campaign, template reference) keeps its status: readers see nothing different. A save that
// changes nothing writes nothing (autosave can call it freely). Published items are a record of
// what went out and are not edited (write a new item); archived ones are restored first.
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { DomainError, fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { ContentFields, checkContentReferences, contentProblems } from "./content-inputs.ts";
import { type ContentItemRow, lockContentItem } from "./load-content-item.ts";
import { type ContentChange, closePendingApproval, writeContentVersion } from "./write-content-version.ts";

export const UpdateContentItemInput = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  changes: ContentFields.partial(),
});
export type UpdateContentItemInput = z.input<typeof UpdateContentItemInput>;

/** The fields readers see: changing one of them needs a new approval. */
const PUBLISHED_FIELDS = ["type", "title", "subject", "body", "mediaAssetIds"] as const;

export async function updateContentItem(
  ctx: OperationContext,
  raw: UpdateContentItemInput,
): Promise<ContentItemRow> {
  authorize(ctx, "content:write");
  const input = parseInput(UpdateContentItemInput, raw);
  const before = await lockContentItem(ctx, input.id, input.version);
  assertEditable(before);
  const changes = Object.fromEntries(
    Object.entries(input.changes).filter(([, v]) => v !== undefined),
  ) as Partial<ContentFields>;
  await checkContentReferences(ctx, {
    campaignId: changes.campaignId !== before.campaignId ? changes.campaignId : undefined,
    templateId: changes.templateId !== before.templateId ? changes.templateId : undefined,
    mediaAssetIds: changes.mediaAssetIds?.filter((id) => !before.mediaAssetIds.includes(id)),
  });
  return applyContentChanges(ctx, before, changes, { action: "content_item.updated" });
}

/** Refuses edits of items whose status does not allow them. */
export function assertEditable(item: ContentItemRow): void {
  if (item.status === "published") {
    fail("INVALID_TRANSITION", "A published item cannot be edited: create a new item instead.", "status");
  }
  if (item.status === "archived") {
    fail("INVALID_TRANSITION", "An archived item cannot be edited: restore it first.", "status");
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Applies field changes under the rules above; shared with restoreContentVersion. */
export async function applyContentChanges(
  ctx: OperationContext,
  before: ContentItemRow,
  changes: Partial<ContentFields>,
  change: ContentChange,
): Promise<ContentItemRow> {
  assertEditable(before);
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([k, v]) => !same(v, before[k as keyof ContentItemRow])),
  ) as Partial<ContentFields>;
  const problems = contentProblems({ ...before, ...changed });
  if (problems.length > 0) throw new DomainError(problems);
  if (Object.keys(changed).length === 0) return before;
  const reapprove =
    (before.status === "review" || before.status === "approved") &&
    PUBLISHED_FIELDS.some((f) => f in changed);
  if (reapprove && before.status === "review") {
    await closePendingApproval(ctx, before.id, {
      decision: "withdrawn",
      comment: "Edited after review was requested.",
    });
  }
  return writeContentVersion(ctx, before, reapprove ? { ...changed, status: "draft" } : changed, {
    ...change,
    payload: reapprove ? { ...change.payload, backToDraftFrom: before.status } : change.payload,
  });
}
