"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useConsole } from "@/components/console/console-context";
import type { JourneyProblem, NodeStats } from "@/components/journeys/builder-context";
import { fieldProblems } from "@/components/journeys/field-problems";
import { stepName } from "@/components/journeys/inspector/next-step-fields";
import { readDefinition } from "@/components/journeys/journey-definition";
import { JourneyWorkspace } from "@/components/journeys/journey-workspace";
import { snapshotOf, useJourneyEditor } from "@/components/journeys/use-journey-editor";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import { canEditJourneys, canEnrol, isLive, type JourneyDetail } from "../journey-model";
import { journeysPath } from "../journey-paths";
import { JourneyBuilderQuery, JourneyLiveStatsQuery } from "../journeys-operations";
import { ContactsAtNodeDialog } from "./contacts-at-node-dialog";
import { EnrolContactsButton } from "./enrol-contacts-dialog";
import { JourneyHeader } from "./journey-header";
import { type Notice, useJourneyActions } from "./use-journey-actions";
import { VersionPicker, VersionWorkspace } from "./version-view";

/** How often the numbers on the steps refresh while contacts may be moving. */
const LIVE_POLL_MS = 3_000;

export function JourneyBuilderView({ journeyId }: { journeyId: string }) {
  const accountSlug = useAccountSlug();
  const query = useAccountQuery(JourneyBuilderQuery, { id: journeyId });
  // Remounting the builder loads the journey's current draft and version into it (after a CONFLICT).
  const [load, setLoad] = useState(0);
  const journey = query.data?.journey ?? null;
  const reload = useCallback(async () => {
    await query.refetch();
    setLoad((n) => n + 1);
  }, [query]);

  return (
    <>
      <Link href={journeysPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All journeys
      </Link>
      {query.isPending ? (
        <LoadingState label="Loading the journey…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !journey ? (
        <Panel>
          <EmptyState title="Journey not found">
            It does not exist, was deleted, or belongs to another account.
          </EmptyState>
        </Panel>
      ) : (
        <JourneyBuilder key={load} journey={journey} onReload={reload} />
      )}
    </>
  );
}

const NOTICE_TONES: Record<Notice["tone"], string> = {
  info: "bg-zinc-50 text-zinc-700",
  success: "bg-emerald-50 text-emerald-800",
  error: "bg-red-50 text-red-800",
};

/** The live draft's problems: gaps found while editing, then the API's from the last save (for
 * steps still on the canvas, without repeating a message). */
function mergeProblems(
  local: JourneyProblem[],
  server: readonly JourneyProblem[],
  nodeIds: Set<string>,
  stale: boolean,
): JourneyProblem[] {
  const seen = new Set(local.map((problem) => `${problem.nodeId}:${problem.message}`));
  const kept = server.filter((problem) => {
    const key = `${problem.nodeId}:${problem.message}`;
    if (seen.has(key) || (problem.nodeId !== null && !nodeIds.has(problem.nodeId))) return false;
    seen.add(key);
    return true;
  });
  return [...local, ...(stale ? kept.map((problem) => ({ ...problem, stale: true })) : kept)];
}

function JourneyBuilder({ journey, onReload }: { journey: JourneyDetail; onReload: () => Promise<void> }) {
  const { account } = useConsole();
  const editor = useJourneyEditor(() => {
    const definition = readDefinition(journey.draft);
    return snapshotOf(
      definition,
      definition.nodes.some((node) => node.position === undefined),
    );
  });
  const actions = useJourneyActions(journey, editor.definition);
  const live = useAccountQuery(
    JourneyLiveStatsQuery,
    { id: journey.id },
    {
      staleTime: 0,
      refetchInterval: (q) =>
        isLive(q.state.data?.journey?.status ?? journey.status) ? LIVE_POLL_MS : false,
    },
  );
  const [viewing, setViewing] = useState<number | null>(null);
  const [contactsAt, setContactsAt] = useState<string | null>(null);
  const status = live.data?.journey?.status ?? journey.status;
  const canEdit = canEditJourneys(account?.viewerRole);
  const readOnly = !canEdit || status === "ARCHIVED";

  const stats = useMemo(
    () => new Map<string, NodeStats>((live.data?.journey?.nodeStats ?? []).map((s) => [s.nodeId, s])),
    [live.data],
  );
  const problems = useMemo(
    () =>
      mergeProblems(
        fieldProblems(editor.definition),
        actions.serverProblems,
        new Set(editor.nodes.map((node) => node.id)),
        actions.dirty,
      ),
    [editor.definition, editor.nodes, actions.serverProblems, actions.dirty],
  );

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!actions.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [actions.dirty]);

  const { save, busy } = actions;
  const onSave = useCallback(() => {
    if (busy === null) void save();
  }, [busy, save]);
  const showContacts = useCallback((nodeId: string) => setContactsAt(nodeId), []);
  const version = viewing === null ? null : (journey.versions.find((v) => v.number === viewing) ?? null);
  const picker = (
    <VersionPicker
      versions={journey.versions}
      published={journey.publishedVersion}
      value={viewing}
      onChange={setViewing}
    />
  );
  const atStep = contactsAt ? editor.nodes.find((node) => node.id === contactsAt)?.data.step : undefined;

  return (
    <>
      <JourneyHeader
        journey={journey}
        live={live.data?.journey ?? undefined}
        canEdit={canEdit}
        dirty={actions.dirty}
        busy={actions.busy}
        onSave={onSave}
        onPublish={() => void actions.publish()}
        onMove={(to) => void actions.move(to)}
        enrol={
          canEdit && status !== "ARCHIVED" ? (
            <EnrolContactsButton journeyId={journey.id} disabled={!canEnrol(status)} />
          ) : null
        }
      />
      {!canEdit ? (
        <p className="mb-3 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read this journey; owners, admins and members build and run it.
        </p>
      ) : status === "ARCHIVED" ? (
        <p className="mb-3 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          This journey is archived: it is kept as a record and no longer changes.
        </p>
      ) : null}
      {actions.conflict ? (
        <div className="mb-3">
          <ConflictNotice onReload={() => void onReload()}>
            Not saved: someone else changed this journey since you opened it (conflict). Reload it to see
            their change, then make yours again.
          </ConflictNotice>
        </div>
      ) : null}
      {actions.notice ? (
        <p
          role={actions.notice.tone === "error" ? "alert" : "status"}
          className={`mb-3 rounded-md p-3 text-sm ${NOTICE_TONES[actions.notice.tone]}`}
          data-testid="journey-notice"
        >
          {actions.notice.text}
        </p>
      ) : null}
      {version ? (
        <VersionWorkspace
          key={version.number}
          version={version}
          stats={stats}
          showStats
          onShowContacts={showContacts}
          toolbarStart={picker}
        />
      ) : (
        <JourneyWorkspace
          editor={editor}
          readOnly={readOnly}
          problems={problems}
          stats={stats}
          showStats={journey.publishedVersion !== null}
          onShowContacts={journey.publishedVersion !== null ? showContacts : undefined}
          onSave={readOnly ? undefined : onSave}
          toolbarStart={picker}
        />
      )}
      <ContactsAtNodeDialog
        journeyId={journey.id}
        nodeId={contactsAt}
        stepName={atStep ? stepName(atStep) : (contactsAt ?? "")}
        live={isLive(status)}
        onClose={() => setContactsAt(null)}
      />
    </>
  );
}
