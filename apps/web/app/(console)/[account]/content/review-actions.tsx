"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import { CommentDialog } from "./comment-dialog";
import { type ContentItem, canApproveContent, canWriteContent } from "./content-model";
import {
  ApproveContentMutation,
  ArchiveContentItemMutation,
  CONTENT_QUERIES,
  RejectContentMutation,
  RequestContentReviewMutation,
  RestoreContentItemMutation,
  WithdrawContentReviewMutation,
} from "./content-operations";

type Payload = { userErrors: readonly { code: string; message: string }[] };

/**
 * The moves the item's status allows, for the people allowed to make them: writers ask for a
 * review (of the saved text), withdraw it, archive and restore; owners and admins approve or
 * reject (a rejection says why). Each names the version shown, so nobody decides on text they
 * have not seen.
 */
export function ReviewActions({
  item,
  role,
  unsaved,
}: {
  item: ContentItem;
  role: MembershipRole | null | undefined;
  unsaved: boolean;
}) {
  const request = useAccountMutation(RequestContentReviewMutation);
  const withdraw = useAccountMutation(WithdrawContentReviewMutation);
  const approve = useAccountMutation(ApproveContentMutation);
  const reject = useAccountMutation(RejectContentMutation);
  const archive = useAccountMutation(ArchiveContentItemMutation);
  const restore = useAccountMutation(RestoreContentItemMutation);
  const refresh = useRefreshAccountQueries();
  const [error, setError] = useState<string | null>(null);
  const canWrite = canWriteContent(role);
  const canApprove = canApproveContent(role);
  const target = { id: item.id, version: item.version };

  /** Runs one move; answers its error in words (null when it went through). Refreshes either way. */
  async function run(move: () => Promise<Payload>): Promise<string | null> {
    setError(null);
    let problem: string | null = null;
    try {
      const [first] = (await move()).userErrors;
      if (first) {
        problem =
          first.code === "CONFLICT"
            ? "Someone else changed this content meanwhile (conflict). It now shows its current state: check it and try again."
            : first.message;
      }
    } catch (failure) {
      problem = failure instanceof Error ? failure.message : "Could not do that.";
    }
    await refresh(CONTENT_QUERIES);
    return problem;
  }

  async function runInline(move: () => Promise<Payload>) {
    setError(await run(move));
  }

  const buttons = [];
  if (canWrite && item.status === "DRAFT") {
    buttons.push(
      <CommentDialog
        key="request"
        label="Request review"
        variant="primary"
        disabled={unsaved}
        title="Request a review"
        description="An owner or admin approves it or sends it back with a comment. The saved version is what they review."
        fieldLabel="Note for the reviewer (optional)"
        confirmLabel="Send for review"
        onConfirm={(note) =>
          run(async () => (await request.mutateAsync({ input: { ...target, note } })).requestContentReview)
        }
      />,
    );
  }
  if (canApprove && item.status === "REVIEW") {
    buttons.push(
      <CommentDialog
        key="approve"
        label="Approve"
        variant="primary"
        title="Approve this content"
        description={`You approve version ${item.version} as it is shown; it becomes ready to schedule.`}
        fieldLabel="Comment (optional)"
        confirmLabel="Approve"
        onConfirm={(comment) =>
          run(async () => (await approve.mutateAsync({ input: { ...target, comment } })).approveContent)
        }
      />,
      <CommentDialog
        key="reject"
        label="Reject"
        variant="danger"
        required
        title="Reject this content"
        description="It goes back to draft with your comment, for the author to change."
        fieldLabel="What should change?"
        confirmLabel="Reject"
        onConfirm={(comment) =>
          run(async () => (await reject.mutateAsync({ input: { ...target, comment } })).rejectContent)
        }
      />,
    );
  }
  if (canWrite && item.status === "REVIEW") {
    buttons.push(
      <Button
        key="withdraw"
        variant="secondary"
        size="sm"
        disabled={withdraw.isPending}
        onClick={() =>
          runInline(async () => (await withdraw.mutateAsync({ input: target })).withdrawContentReview)
        }
      >
        Withdraw review
      </Button>,
    );
  }
  if (canWrite && item.status === "ARCHIVED") {
    buttons.push(
      <Button
        key="restore"
        size="sm"
        disabled={restore.isPending}
        onClick={() =>
          runInline(async () => (await restore.mutateAsync({ input: target })).restoreContentItem)
        }
      >
        Restore
      </Button>,
    );
  }
  if (canWrite && item.status !== "ARCHIVED") {
    buttons.push(
      <ConfirmButton
        key="archive"
        label="Archive"
        ariaLabel={`Archive ${item.title}`}
        title="Archive this content?"
        description={`It leaves the lists${item.status === "REVIEW" ? " and its review is withdrawn" : ""}. You can restore it later, as a draft.`}
        confirmLabel="Archive"
        onConfirm={() =>
          runInline(async () => (await archive.mutateAsync({ input: target })).archiveContentItem)
        }
      />,
    );
  }

  if (buttons.length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">{buttons}</div>
      {unsaved && canWrite && item.status === "DRAFT" ? (
        <p className="text-xs text-zinc-500">Save your changes first: a review is of the saved text.</p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
