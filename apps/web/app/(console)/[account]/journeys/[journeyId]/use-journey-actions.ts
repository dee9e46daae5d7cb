// Saving, publishing and moving a journey from the builder. Every mutation names the version this
// page last wrote or read (optimistic locking): the version moves on only with this page's own
// successful mutations, so a change someone else saved meanwhile is answered CONFLICT and offered
// a reload, never overwritten.
"use client";

import { useCallback, useRef, useState } from "react";
import type { JourneyProblem } from "@/components/journeys/builder-context";
import { fieldProblems, shapeProblems } from "@/components/journeys/field-problems";
import type { JourneyDefinition } from "@/components/journeys/journey-definition";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import type { JourneyDetail, LifecycleMove } from "../journey-model";
import {
  ActivateJourneyMutation,
  ArchiveJourneyMutation,
  JOURNEY_QUERIES,
  PauseJourneyMutation,
  PublishJourneyMutation,
  ResumeJourneyMutation,
  UpdateJourneyMutation,
} from "../journeys-operations";

export type Notice = { tone: "info" | "success" | "error"; text: string };
type UserError = { field: string | null; code: string; message: string };

/** What the draft is compared by to tell unsaved changes (positions included: a tidy-up is a change). */
export const definitionKey = (definition: JourneyDefinition) => JSON.stringify(definition);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const MOVE_WORDS: Record<LifecycleMove, string> = {
  activate: "Activated: contacts can enter now.",
  pause: "Paused: nobody enters, and contacts stay where they are until you resume.",
  resume: "Resumed: held contacts continue.",
  archive: "Archived: contacts still in the journey have left it.",
};

export function useJourneyActions(journey: JourneyDetail, definition: JourneyDefinition) {
  const update = useAccountMutation(UpdateJourneyMutation);
  const publish = useAccountMutation(PublishJourneyMutation);
  const activate = useAccountMutation(ActivateJourneyMutation);
  const pause = useAccountMutation(PauseJourneyMutation);
  const resume = useAccountMutation(ResumeJourneyMutation);
  const archive = useAccountMutation(ArchiveJourneyMutation);
  const refresh = useRefreshAccountQueries();
  const version = useRef(journey.version);
  const [savedKey, setSavedKey] = useState(() => definitionKey(definition));
  const [serverProblems, setServerProblems] = useState<readonly JourneyProblem[]>(journey.draftProblems);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const dirty = definitionKey(definition) !== savedKey;

  /** Answers whether it dealt with the errors (a conflict or a refused draft); shows the rest. */
  const showErrors = useCallback((errors: readonly UserError[], what: string) => {
    if (errors.some((error) => error.code === "CONFLICT")) {
      setConflict(true);
      setNotice(null);
      return;
    }
    setNotice({ tone: "error", text: `${what}: ${errors.map((error) => error.message).join(" ")}` });
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    const gaps = fieldProblems(definition);
    if (gaps.length > 0) {
      setNotice({
        tone: "error",
        text: `Not saved: ${plural(gaps.length, "field needs", "fields need")} filling in first (marked in red on the steps).`,
      });
      return false;
    }
    setBusy("save");
    try {
      const { updateJourney: payload } = await update.mutateAsync({
        input: { id: journey.id, version: version.current, draft: definition },
      });
      if (payload.userErrors.length > 0 || !payload.journey) {
        const placed = shapeProblems(payload.userErrors, definition);
        if (placed.length > 0) setServerProblems(placed);
        showErrors(payload.userErrors, "Not saved");
        return false;
      }
      version.current = payload.journey.version;
      setSavedKey(definitionKey(definition));
      setServerProblems(payload.problems);
      setConflict(false);
      setNotice(
        payload.problems.length > 0
          ? {
              tone: "info",
              text: `Draft saved. ${plural(payload.problems.length, "problem", "problems")} to fix before publishing.`,
            }
          : { tone: "success", text: "Draft saved. It is ready to publish." },
      );
      await refresh(["JourneyList"]);
      return true;
    } catch (failure) {
      setNotice({
        tone: "error",
        text: failure instanceof Error ? failure.message : "Could not save the draft.",
      });
      return false;
    } finally {
      setBusy(null);
    }
  }, [definition, journey.id, refresh, showErrors, update]);

  const publishDraft = useCallback(async () => {
    // What is published is the saved draft: unsaved changes are saved first.
    if (dirty && !(await save())) return;
    setBusy("publish");
    try {
      const { publishJourney: payload } = await publish.mutateAsync({
        input: { id: journey.id, version: version.current },
      });
      if (payload.userErrors.length > 0 || !payload.journey) {
        if (payload.problems.length > 0) {
          setServerProblems(payload.problems);
          setNotice({
            tone: "error",
            text: `Not published: ${plural(payload.problems.length, "problem", "problems")} to fix first (listed above the canvas and on the steps).`,
          });
        } else showErrors(payload.userErrors, "Not published");
        return;
      }
      version.current = payload.journey.version;
      setServerProblems([]);
      setNotice({
        tone: "success",
        text: `Published version ${payload.journey.publishedVersion}. ${journey.status === "ACTIVE" ? "New entrants run it; contacts already in keep their version." : "Activate the journey to let contacts in."}`,
      });
      await refresh(JOURNEY_QUERIES);
    } catch (failure) {
      setNotice({ tone: "error", text: failure instanceof Error ? failure.message : "Could not publish." });
    } finally {
      setBusy(null);
    }
  }, [dirty, save, publish, journey.id, journey.status, refresh, showErrors]);

  const move = useCallback(
    async (to: LifecycleMove) => {
      const input = { input: { id: journey.id, version: version.current } };
      setBusy(to);
      try {
        const payload =
          to === "activate"
            ? (await activate.mutateAsync(input)).activateJourney
            : to === "pause"
              ? (await pause.mutateAsync(input)).pauseJourney
              : to === "resume"
                ? (await resume.mutateAsync(input)).resumeJourney
                : (await archive.mutateAsync(input)).archiveJourney;
        if (payload.userErrors.length > 0 || !payload.journey)
          return showErrors(payload.userErrors, "Not done");
        version.current = payload.journey.version;
        setNotice({ tone: "success", text: MOVE_WORDS[to] });
        await refresh(JOURNEY_QUERIES);
      } catch (failure) {
        setNotice({
          tone: "error",
          text: failure instanceof Error ? failure.message : "Could not change the status.",
        });
      } finally {
        setBusy(null);
      }
    },
    [activate, pause, resume, archive, journey.id, refresh, showErrors],
  );

  return { save, publish: publishDraft, move, dirty, busy, notice, conflict, serverProblems };
}
