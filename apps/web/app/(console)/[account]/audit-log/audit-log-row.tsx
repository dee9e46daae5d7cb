"use client";

import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import type { ResultOf } from "@/lib/graphql/graphql";
import type { AuditLogQuery } from "./audit-log-operations";

type AuditLogEntry = ResultOf<typeof AuditLogQuery>["auditLog"]["nodes"][number];

function actorLabel(entry: AuditLogEntry): string {
  if (entry.actorUser) return entry.actorUser.name || entry.actorUser.email;
  if (entry.actorApiKey) return `API key ${entry.actorApiKey.name} (${entry.actorApiKey.prefix}…)`;
  return "System";
}

export function AuditLogRow({ entry }: { entry: AuditLogEntry }) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = `audit-details-${entry.id}`;
  return (
    <Fragment>
      <tr>
        <Td className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</Td>
        <Td>{actorLabel(entry)}</Td>
        <Td className="font-mono text-xs text-zinc-900">{entry.action}</Td>
        <Td>
          {entry.entityType}
          {entry.entityId ? (
            <span className="block max-w-48 truncate font-mono text-xs text-zinc-500">{entry.entityId}</span>
          ) : null}
        </Td>
        <Td className="font-mono text-xs">{entry.requestId ?? "—"}</Td>
        <Td className="text-right">
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={`${expanded ? "Hide" : "Show"} details of ${entry.action}`}
            onClick={() => setExpanded((value) => !value)}
          >
            {expanded ? "Hide" : "Details"}
          </Button>
        </Td>
      </tr>
      {expanded ? (
        <tr id={detailsId} className="bg-zinc-50">
          <td colSpan={6} className="px-4 py-4">
            <div className="grid gap-4 md:grid-cols-2">
              <JsonBlock title="Before" value={entry.before} />
              <JsonBlock title="After" value={entry.after} />
            </div>
            <p className="mt-3 text-xs text-zinc-500">
              IP {entry.ip ?? "unknown"} · {entry.userAgent ?? "no user agent"}
            </p>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase">{title}</h3>
      <pre className="max-h-72 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
