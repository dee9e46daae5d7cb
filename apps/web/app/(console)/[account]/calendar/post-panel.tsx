"use client";

import { Dialog, DialogBackdrop, DialogPanel, DialogTitle } from "@headlessui/react";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/form-field";
import { contentItemPath } from "../content/content-paths";
import { requestIn, useQueryIn } from "./account-scoped";
import {
  type CalendarPost,
  CHANNELS,
  isPublishing,
  PUBLISHING_POLL_MS,
  STATUS_LABELS,
  STATUS_TONE,
} from "./calendar-model";
import {
  CalendarPostQuery,
  CancelPostMutation,
  PublishPostNowMutation,
  RetryPostMutation,
} from "./calendar-operations";
import { dayAndTime } from "./calendar-time";

type Action = "publish" | "cancel" | "retry";

/** A post's details and what can be done with it, in a panel at the side of the calendar. */
export function PostPanel({
  post,
  zone,
  canEdit,
  showAccount,
  onClose,
  onChanged,
}: {
  post: CalendarPost | null;
  zone: string;
  canEdit: boolean;
  showAccount: boolean;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  return (
    <Dialog open={post !== null} onClose={onClose} className="fixed inset-0 z-50">
      <DialogBackdrop className="fixed inset-0 bg-zinc-900/30" />
      <div className="fixed inset-y-0 right-0 flex max-w-full">
        <DialogPanel className="flex w-screen max-w-md flex-col overflow-y-auto bg-white shadow-xl">
          {post ? (
            <LivePostDetails
              key={post.id}
              post={post}
              zone={zone}
              canEdit={canEdit}
              showAccount={showAccount}
              onClose={onClose}
              onChanged={onChanged}
            />
          ) : null}
        </DialogPanel>
      </div>
    </Dialog>
  );
}

/** The post as it is now: asked for by id, so it stays current even when it leaves the shown range. */
function LivePostDetails(props: {
  post: CalendarPost;
  zone: string;
  canEdit: boolean;
  showAccount: boolean;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const live = useQueryIn(
    props.post.account.slug,
    CalendarPostQuery,
    { id: props.post.id },
    {
      refetchInterval: (query) => {
        const node = query.state.data?.node;
        return node?.__typename === "ScheduledPost" && isPublishing(node) ? PUBLISHING_POLL_MS : false;
      },
    },
  );
  const node = live.data?.node;
  const post = node?.__typename === "ScheduledPost" ? node : props.post;
  return (
    <PostDetails
      {...props}
      post={post}
      onChanged={async () => {
        await Promise.all([props.onChanged(), live.refetch()]);
      }}
    />
  );
}

function PostDetails({
  post,
  zone,
  canEdit,
  showAccount,
  onClose,
  onChanged,
}: {
  post: CalendarPost;
  zone: string;
  canEdit: boolean;
  showAccount: boolean;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const [pending, setPending] = useState<Action | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const channel = CHANNELS[post.channel];
  const slug = post.account.slug;
  const contentHref = contentItemPath(slug, post.contentItem.id);

  async function run(action: Action) {
    setPending(action);
    setError(undefined);
    setNotice(undefined);
    const input = { input: { id: post.id, version: post.version } };
    try {
      const payload =
        action === "publish"
          ? (await requestIn(slug, PublishPostNowMutation, input)).publishPostNow
          : action === "retry"
            ? (await requestIn(slug, RetryPostMutation, input)).retryPost
            : (await requestIn(slug, CancelPostMutation, input)).cancelPost;
      const [first] = payload.userErrors;
      if (first) {
        setError(
          first.code === "CONFLICT"
            ? "This post changed in the meantime: look again and retry."
            : first.message,
        );
      } else if (action === "publish") {
        setNotice("Sent to the publisher: the status changes as soon as it goes out.");
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not change the post.");
    } finally {
      await onChanged();
      setPending(null);
    }
  }

  return (
    <>
      <div className="flex items-start justify-between gap-4 border-b border-zinc-200 p-6">
        <div className="min-w-0">
          <p className="flex items-center gap-2 text-xs font-medium text-zinc-500">
            <span
              aria-hidden="true"
              className="size-3 rounded-sm"
              style={{ backgroundColor: channel.color }}
            />
            {channel.label}
          </p>
          <DialogTitle className="mt-1 text-base font-semibold text-zinc-900">
            {post.contentItem.title}
          </DialogTitle>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
      <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-3 p-6 text-sm">
        <Detail term="Status">
          <span data-testid="post-panel-status">
            <Badge tone={STATUS_TONE[post.status]}>{STATUS_LABELS[post.status]}</Badge>
          </span>
        </Detail>
        <Detail term="When">
          <span data-testid="post-panel-when">{dayAndTime(post.scheduledAt, zone)}</span>
          <span className="block text-xs text-zinc-500">
            {post.timeZone === zone
              ? zone.replaceAll("_", " ")
              : `${dayAndTime(post.scheduledAt, post.timeZone)} in ${post.timeZone.replaceAll("_", " ")}, the zone it was planned in`}
          </span>
        </Detail>
        {showAccount ? <Detail term="Account">{post.account.name}</Detail> : null}
        <Detail term="Connector">{post.connector.name}</Detail>
        <Detail term="Campaign">{post.campaign?.name ?? "None"}</Detail>
        <Detail term="Attempts">{post.attempts}</Detail>
        {post.publishedAt ? <Detail term="Published">{dayAndTime(post.publishedAt, zone)}</Detail> : null}
        {post.lastError ? (
          <Detail term="Last error">
            <span className="break-words text-red-700">{post.lastError}</span>
          </Detail>
        ) : null}
      </dl>
      <div className="space-y-3 border-t border-zinc-200 p-6">
        <Link href={contentHref} className="text-sm font-medium text-accent-700 hover:underline">
          Open the content item
        </Link>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            {post.status === "SCHEDULED" ? (
              <Button onClick={() => run("publish")} disabled={pending !== null}>
                {pending === "publish" ? "Publishing…" : "Publish now"}
              </Button>
            ) : null}
            {post.status === "FAILED" ? (
              <Button onClick={() => run("retry")} disabled={pending !== null}>
                {pending === "retry" ? "Retrying…" : "Retry"}
              </Button>
            ) : null}
            {post.status === "SCHEDULED" || post.status === "FAILED" ? (
              <ConfirmButton
                label="Cancel post"
                title="Cancel this post?"
                description="It will not be published. A cancelled post stays on the calendar, struck through."
                confirmLabel="Cancel post"
                disabled={pending !== null}
                onConfirm={() => run("cancel")}
              />
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-zinc-500">Viewers see the calendar; members and above change it.</p>
        )}
        <FieldError message={error} />
        {notice && post.status !== "PUBLISHED" ? (
          <p role="status" className="text-sm text-zinc-600">
            {notice}
          </p>
        ) : null}
      </div>
    </>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{term}</dt>
      <dd className="text-zinc-900">{children}</dd>
    </>
  );
}
