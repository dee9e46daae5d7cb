"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { ConditionBuilder } from "@/components/segments/condition-builder";
import {
  fromConditions,
  type GroupNode,
  newGroupNode,
  problemsByNode,
} from "@/components/segments/condition-tree";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FormSelectField, FormTextAreaField, FormTextField } from "@/components/ui/form-bound-fields";
import { FieldError } from "@/components/ui/form-field";
import type { UserError } from "@/lib/forms/apply-user-errors";
import { rowIdOf } from "@/lib/graphql/row-id";
import {
  useAccountMutation,
  useAccountQuery,
  useAccountSlug,
  useRefreshAccountQueries,
} from "@/lib/graphql/use-graphql";
import { KIND_DESCRIPTIONS, KIND_LABELS, SEGMENT_KINDS, type SegmentDetail } from "./segment-model";
import { segmentPath, segmentsPath } from "./segment-paths";
import { SegmentPreviewPanel } from "./segment-preview-panel";
import {
  CreateSegmentMutation,
  SEGMENT_QUERIES,
  SegmentOptionsQuery,
  UpdateSegmentMutation,
} from "./segments-operations";
import { useSegmentPreview } from "./use-segment-preview";

const SegmentFormInput = z.object({
  name: z.string().trim().min(1, "Name the segment.").max(120, "At most 120 characters."),
  description: z.string().trim().max(2_000, "At most 2,000 characters."),
  kind: z.enum(SEGMENT_KINDS),
});
type SegmentFormInput = z.infer<typeof SegmentFormInput>;
const FORM_FIELDS = ["name", "description", "kind"] as const;

type SegmentEditorProps = {
  /** The segment being edited; none for a new one. */
  segment?: SegmentDetail;
  canEdit: boolean;
  /** Loads the segment's current values and version into a fresh editor (after a CONFLICT). */
  onReload?: () => void;
};

/**
 * Names a segment and draws its conditions, with the live count beside them. An edit sends the
 * version it was loaded with: if someone else saved in between, the API answers CONFLICT and the
 * editor offers to reload instead of overwriting their change.
 */
export function SegmentEditor({ segment, canEdit, onReload }: SegmentEditorProps) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const create = useAccountMutation(CreateSegmentMutation);
  const update = useAccountMutation(UpdateSegmentMutation);
  const refresh = useRefreshAccountQueries();
  const version = useRef(segment?.version ?? 0);
  const [root, setRoot] = useState<GroupNode>(() =>
    segment ? fromConditions(segment.conditions) : newGroupNode("and"),
  );
  const [saveProblems, setSaveProblems] = useState<Map<string, string[]>>(new Map());
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<SegmentFormInput>({
    resolver: zodResolver(SegmentFormInput),
    defaultValues: {
      name: segment?.name ?? "",
      description: segment?.description ?? "",
      kind: segment?.kind ?? "DYNAMIC",
    },
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const dynamic = kind === "DYNAMIC";
  const preview = useSegmentPreview(root, dynamic, segment?.id ?? null);
  const options = useAccountQuery(SegmentOptionsQuery, {}, { staleTime: 60_000 });
  const ownRowId = segment ? rowIdOf(segment.id) : null;
  const segmentOptions = useMemo(
    () =>
      (options.data?.segments.nodes ?? [])
        .map((option) => ({ id: rowIdOf(option.id), name: option.name }))
        .filter((option) => option.id !== ownRowId),
    [options.data, ownRowId],
  );
  const problems = useMemo(() => {
    if (saveProblems.size === 0) return preview.problems;
    const merged = new Map(preview.problems);
    for (const [id, messages] of saveProblems) merged.set(id, [...(merged.get(id) ?? []), ...messages]);
    return merged;
  }, [preview.problems, saveProblems]);
  const { isSubmitting } = form.formState;

  function changeTree(next: GroupNode) {
    setRoot(next);
    setSaveProblems(new Map());
    setStatus(null);
  }

  function showUserErrors(userErrors: readonly UserError[]) {
    const { byNode, unplaced } = problemsByNode(
      userErrors.filter((error) => error.field?.split(".").some((part) => part === "conditions")),
      preview.serialized.paths,
    );
    setSaveProblems(byNode);
    for (const error of userErrors) {
      // A stale version is nobody's typo: offer to reload instead of naming a field.
      if (error.code === "CONFLICT") {
        setConflict(error.message);
        continue;
      }
      if (error.field?.split(".").includes("conditions")) continue;
      const field = FORM_FIELDS.find((name) => name === error.field?.split(".").at(-1));
      form.setError(field ?? "root.server", { type: error.code, message: error.message });
    }
    if (unplaced.length > 0) form.setError("root.server", { message: unplaced.join(" ") });
  }

  async function submit(values: SegmentFormInput) {
    setStatus(null);
    setConflict(null);
    setSaveProblems(new Map());
    // A static segment's members are picked by hand: it is saved without conditions.
    const conditions = values.kind === "DYNAMIC" ? preview.serialized.conditions : null;
    try {
      if (!segment) {
        const { createSegment: payload } = await create.mutateAsync({
          input: {
            name: values.name.trim(),
            description: values.description.trim(),
            kind: values.kind,
            conditions,
          },
        });
        if (payload.userErrors.length > 0 || !payload.segment) return showUserErrors(payload.userErrors);
        await refresh(SEGMENT_QUERIES);
        router.push(segmentPath(accountSlug, payload.segment.id));
        return;
      }
      const { updateSegment: payload } = await update.mutateAsync({
        input: {
          id: segment.id,
          version: version.current,
          name: values.name.trim(),
          description: values.description.trim(),
          ...(conditions ? { conditions } : {}),
        },
      });
      if (payload.userErrors.length > 0 || !payload.segment) return showUserErrors(payload.userErrors);
      version.current = payload.segment.version;
      form.reset(values);
      setStatus(
        `Saved: ${payload.segment.memberCount} ${payload.segment.memberCount === 1 ? "member" : "members"}.`,
      );
      await refresh(SEGMENT_QUERIES);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <div className="grid lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form
        onSubmit={form.handleSubmit(submit)}
        noValidate
        aria-label={segment ? "Edit segment" : "New segment"}
        className="min-w-0 space-y-5 p-4"
      >
        <fieldset disabled={!canEdit} className="space-y-5">
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
            <FormTextField form={form} name="name" id="segment-name" label="Name" autoComplete="off" />
            {segment ? (
              <div className="space-y-1.5">
                <p className="text-sm font-medium text-zinc-800">Kind</p>
                <p className="py-2 text-sm text-zinc-700">{KIND_LABELS[segment.kind]} (fixed once created)</p>
              </div>
            ) : (
              <FormSelectField
                form={form}
                name="kind"
                id="segment-kind"
                label="Kind"
                hint={KIND_DESCRIPTIONS[kind]}
              >
                {SEGMENT_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {KIND_LABELS[value]}
                  </option>
                ))}
              </FormSelectField>
            )}
          </div>
          <FormTextAreaField
            form={form}
            name="description"
            id="segment-description"
            label="Description"
            rows={2}
          />
        </fieldset>
        {dynamic ? (
          <section aria-labelledby="segment-conditions-heading" className="space-y-2">
            <h2 id="segment-conditions-heading" className="text-sm font-medium text-zinc-800">
              Conditions
            </h2>
            <ConditionBuilder
              value={root}
              onChange={changeTree}
              segments={segmentOptions}
              problems={problems}
              disabled={!canEdit}
            />
          </section>
        ) : (
          <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
            A static segment has no conditions: select contacts in the contacts list and add them to it.
          </p>
        )}
        <FieldError message={form.formState.errors.root?.server?.message} />
        {conflict ? (
          <ConflictNotice onReload={onReload}>
            Someone else changed this segment since you opened it. Reload it to see their change, then make
            yours again.
          </ConflictNotice>
        ) : null}
        {canEdit ? (
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : segment ? "Save segment" : "Create segment"}
            </Button>
            {segment ? (
              <Button variant="ghost" onClick={onReload} disabled={isSubmitting}>
                Discard changes
              </Button>
            ) : (
              <Link href={segmentsPath(accountSlug)} className={buttonClasses("ghost")}>
                Cancel
              </Link>
            )}
            {status ? (
              <p role="status" className="text-sm text-zinc-600">
                {status}
              </p>
            ) : null}
          </div>
        ) : null}
      </form>
      {dynamic ? <SegmentPreviewPanel preview={preview} /> : null}
    </div>
  );
}
