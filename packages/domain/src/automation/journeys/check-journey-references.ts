// The rows a definition names must exist in the account: segments (triggers, conditions, goals,
// exit criteria), content templates (send email) and webhook connectors (call webhook). One query,
// under the request's row-level security, so another tenant's row is as missing as a deleted one.
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import type { Condition } from "../segments/conditions.ts";
import type { JourneyDefinition } from "./definition.ts";
import type { JourneyProblem } from "./validate-journey.ts";

interface Reference {
  nodeId: string | null;
  kind: "segment" | "template" | "connector";
  id: string;
}

function segmentsIn(condition: Condition | null, out: string[] = []): string[] {
  if (!condition) return out;
  if (condition.kind === "and" || condition.kind === "or") {
    for (const c of condition.conditions) segmentsIn(c, out);
  } else if (condition.kind === "not") segmentsIn(condition.condition, out);
  else if (condition.kind === "segment") out.push(condition.segmentId);
  return out;
}

export function referencesOf(definition: JourneyDefinition): Reference[] {
  const refs: Reference[] = [];
  for (const node of definition.nodes) {
    if (node.kind === "trigger" && node.trigger.type === "segment_entry") {
      refs.push({ nodeId: node.id, kind: "segment", id: node.trigger.segmentId });
    }
    if (node.kind === "condition" || node.kind === "goal") {
      for (const id of segmentsIn(node.check)) refs.push({ nodeId: node.id, kind: "segment", id });
    }
    if (node.kind === "action" && node.action.type === "send_email" && node.action.templateId) {
      refs.push({ nodeId: node.id, kind: "template", id: node.action.templateId });
    }
    if (node.kind === "action" && node.action.type === "call_webhook") {
      refs.push({ nodeId: node.id, kind: "connector", id: node.action.connectorId });
    }
  }
  for (const id of segmentsIn(definition.settings.exitCriteria))
    refs.push({ nodeId: null, kind: "segment", id });
  return refs;
}

const MESSAGES: Record<Reference["kind"], [JourneyProblem["code"], string]> = {
  segment: ["UNKNOWN_SEGMENT", "The segment it uses no longer exists: choose another."],
  template: ["UNKNOWN_TEMPLATE", "Choose an email template of this account that is not archived."],
  connector: ["UNKNOWN_CONNECTOR", "Choose a webhook connector of this account."],
};

export async function checkJourneyReferences(
  ctx: Pick<OperationContext, "tx" | "accountId">,
  definition: JourneyDefinition,
): Promise<JourneyProblem[]> {
  const refs = referencesOf(definition);
  if (refs.length === 0) return [];
  const ids = (kind: Reference["kind"]) =>
    JSON.stringify([...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))]);
  // Ids go in as one JSON parameter each: the statement's text stays the same whatever their number.
  const found = await ctx.tx.execute<{ kind: Reference["kind"]; id: string }>(sql`
    select 'segment' as kind, s.id::text as id from marketing_segments s
     where s.account_id = ${ctx.accountId} and s.deleted_at is null
       and s.id in (select value::uuid from jsonb_array_elements_text(${ids("segment")}::text::jsonb))
    union all
    select 'template', t.id::text from content_templates t
     where t.account_id = ${ctx.accountId} and t.kind = 'email' and t.archived_at is null
       and t.id in (select value::uuid from jsonb_array_elements_text(${ids("template")}::text::jsonb))
    union all
    select 'connector', c.id::text from connectors c
     where c.account_id = ${ctx.accountId} and c.kind = 'webhook'
       and c.id in (select value::uuid from jsonb_array_elements_text(${ids("connector")}::text::jsonb))`);
  const present = new Set([...found].map((r) => `${r.kind}:${r.id}`));
  return refs
    .filter((r) => !present.has(`${r.kind}:${r.id}`))
    .map((r) => ({ nodeId: r.nodeId, code: MESSAGES[r.kind][0], message: MESSAGES[r.kind][1] }));
}
