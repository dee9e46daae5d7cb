// A condition tree as a marketer sent it (JSON from the condition builder or the API), checked in
// three passes, each problem naming its field path ("conditions.conditions.1.value"): the zod shape,
// the meaning (condition-problems.ts), and the segments it refers to — they must exist in this
// account, and a segment may not refer to itself, directly or through others (a loop would make
// membership depend on itself).
import { schema } from "@markettina/db";
import { and, eq, isNull } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { DomainError, type UserError } from "../../errors.ts";
import { conditionProblems } from "./condition-problems.ts";
import { Condition } from "./conditions.ts";
import { pathBetween, type ReferenceGraph, segmentReferences } from "./segment-graph.ts";

export interface ValidateOptions {
  /** The field the tree came in (default "conditions"): the prefix of every problem's path. */
  field?: string;
  /** The segment being saved, if any: it may not be referred to by its own tree. */
  segmentId?: string;
}

export interface CheckedConditions {
  condition: Condition | null;
  problems: UserError[];
}

/** `value: null` means "no value" to a JSON client; the schema's optional does not take null. */
function dropNullValues(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map(dropNullValues);
  if (raw === null || typeof raw !== "object") return raw;
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([k, v]) => !(v === null && (k === "value" || k === "attribute" || k === "field")))
      .map(([k, v]) => [k, dropNullValues(v)]),
  );
}

/** The zod shape, with paths prefixed by the field the tree came in. */
export function parseConditions(raw: unknown, field = "conditions"): CheckedConditions {
  const parsed = Condition.safeParse(dropNullValues(raw));
  if (parsed.success) return { condition: parsed.data, problems: [] };
  return {
    condition: null,
    problems: parsed.error.issues.map((issue) => {
      const path = [field, ...issue.path.map(String)];
      const last = path[path.length - 1];
      const message =
        issue.code === "invalid_union" && last === "value"
          ? "Give a text, a number, true or false, or a list of them."
          : issue.message;
      return { field: path.join("."), code: "INVALID" as const, message };
    }),
  };
}

/** Every problem of the tree, reference checks included; never throws for bad input. */
export async function checkConditions(
  ctx: OperationContext,
  raw: unknown,
  options: ValidateOptions = {},
): Promise<CheckedConditions> {
  const field = options.field ?? "conditions";
  const parsed = parseConditions(raw, field);
  if (!parsed.condition) return parsed;
  const problems = conditionProblems(parsed.condition, [field]);
  const references = segmentReferences(parsed.condition, [field]);
  if (references.length > 0) problems.push(...(await referenceProblems(ctx, references, options.segmentId)));
  return problems.length > 0 ? { condition: null, problems } : parsed;
}

/** The parsed tree, or a DomainError listing every problem. */
export async function validateConditions(
  ctx: OperationContext,
  raw: unknown,
  options: ValidateOptions = {},
): Promise<Condition> {
  const { condition, problems } = await checkConditions(ctx, raw, options);
  if (!condition) throw new DomainError(problems);
  return condition;
}

async function referenceProblems(
  ctx: OperationContext,
  references: ReturnType<typeof segmentReferences>,
  segmentId: string | undefined,
): Promise<UserError[]> {
  const s = schema.marketingSegments;
  // The account's segments are few (tens, hundreds): one read gives the whole reference graph.
  const rows = await ctx.tx
    .select({ id: s.id, name: s.name, conditions: s.conditions })
    .from(s)
    .where(and(eq(s.accountId, ctx.accountId), isNull(s.deletedAt)));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const graph: ReferenceGraph = new Map(
    rows.map((r) => {
      const stored = Condition.safeParse(r.conditions);
      return [r.id, stored.success ? segmentReferences(stored.data).map((x) => x.segmentId) : []];
    }),
  );
  const problems: UserError[] = [];
  for (const ref of references) {
    const field = [...ref.path, "segmentId"].join(".");
    if (ref.segmentId === segmentId) {
      problems.push({ field, code: "INVALID", message: "A segment cannot refer to itself." });
    } else if (!names.has(ref.segmentId)) {
      problems.push({ field, code: "NOT_FOUND", message: "Segment not found." });
    } else if (segmentId) {
      const loop = pathBetween(graph, ref.segmentId, segmentId);
      if (loop) {
        const through = loop.slice(0, -1).map((id) => `"${names.get(id)}"`);
        problems.push({
          field,
          code: "INVALID",
          message: `This makes a loop: ${through.join(" → ")} already refers back to this segment.`,
        });
      }
    }
  }
  return problems;
}
