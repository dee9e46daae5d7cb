import { formatInZone } from "@/components/campaigns/zoned-time";
import { Badge, enumLabel } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import type { CampaignDetail } from "../campaign-model";

type Tone = "neutral" | "success" | "warning" | "danger" | "accent";

const CONTENT_TONES: Record<string, Tone> = {
  DRAFT: "neutral",
  REVIEW: "warning",
  APPROVED: "accent",
  PUBLISHED: "success",
  ARCHIVED: "neutral",
};

const POST_TONES: Record<string, Tone> = {
  SCHEDULED: "accent",
  PUBLISHING: "warning",
  PUBLISHED: "success",
  FAILED: "danger",
  CANCELLED: "neutral",
};

const CHANNEL_LABELS: Record<string, string> = { LINKEDIN: "LinkedIn", X: "X", SMS: "SMS" };
const channelLabel = (channel: string) => CHANNEL_LABELS[channel] ?? enumLabel(channel);

/** The campaign's counts, then the first page of its content and of its posts. */
export function CampaignRelated({ campaign }: { campaign: CampaignDetail }) {
  const { stats, contentItems, posts } = campaign;
  const counts = [
    { label: "Content items", value: stats.contentItems },
    { label: "Scheduled posts", value: stats.scheduled },
    { label: "Publishing", value: stats.publishing },
    { label: "Published", value: stats.published },
    { label: "Failed", value: stats.failed },
    { label: "Cancelled", value: stats.cancelled },
  ];
  return (
    <>
      <Panel title="Numbers">
        <dl className="grid grid-cols-2 gap-4 p-4 sm:grid-cols-3 lg:grid-cols-6">
          {counts.map(({ label, value }) => (
            <div key={label}>
              <dt className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{label}</dt>
              <dd className="mt-1 text-lg font-semibold text-zinc-900 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <Panel title="Content">
        {contentItems.nodes.length === 0 ? (
          <EmptyState title="No content in this campaign yet" />
        ) : (
          <>
            <DataTable caption="Campaign content">
              <thead>
                <tr>
                  <Th>Title</Th>
                  <Th>Type</Th>
                  <Th>Status</Th>
                  <Th>Updated</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {contentItems.nodes.map((item) => (
                  <tr key={item.id}>
                    <Td className="font-medium text-zinc-900">{item.title || "Untitled"}</Td>
                    <Td>{enumLabel(item.type)}</Td>
                    <Td>
                      <Badge tone={CONTENT_TONES[item.status] ?? "neutral"}>{enumLabel(item.status)}</Badge>
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(item.updatedAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <Shown shown={contentItems.nodes.length} total={contentItems.totalCount} />
          </>
        )}
      </Panel>
      <Panel title="Posts">
        {posts.nodes.length === 0 ? (
          <EmptyState title="No posts scheduled for this campaign yet" />
        ) : (
          <>
            <DataTable caption="Campaign posts">
              <thead>
                <tr>
                  <Th>When</Th>
                  <Th>Channel</Th>
                  <Th>Content</Th>
                  <Th>Status</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {posts.nodes.map((post) => (
                  <tr key={post.id}>
                    <Td className="whitespace-nowrap">
                      {formatInZone(post.scheduledAt, post.timeZone)}
                      <span className="block text-xs text-zinc-500">{post.timeZone}</span>
                    </Td>
                    <Td>
                      {channelLabel(post.channel)}
                      <span className="block text-xs text-zinc-500">{post.connectorName}</span>
                    </Td>
                    <Td className="text-zinc-900">{post.contentItemTitle}</Td>
                    <Td>
                      <Badge tone={POST_TONES[post.status] ?? "neutral"}>{enumLabel(post.status)}</Badge>
                      {post.lastError ? (
                        <span className="mt-1 block max-w-xs text-xs text-red-700">{post.lastError}</span>
                      ) : null}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <Shown shown={posts.nodes.length} total={posts.totalCount} />
          </>
        )}
      </Panel>
    </>
  );
}

function Shown({ shown, total }: { shown: number; total: number }) {
  if (shown >= total) return null;
  return (
    <p className="border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
      Showing the first {shown} of {total}.
    </p>
  );
}
