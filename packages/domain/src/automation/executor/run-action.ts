// Action nodes. Every effect is a row written in the step's transaction, keyed by the step
// (journey-step:<execution>:<seq>), so it happens at most once however often the step's job runs:
// a message in message_queue (the sender delivers it later, outside any transaction), a tag or an
// attribute on the contact, a webhook call in the effect queue, a generation, a workflow instance.
//
// Failure rule: an action that cannot be done (no such template or connector, tokens run out, the
// AI provider failed, no workflow engine) ends its step `errored` with the reason, counts in the
// node's `errored` statistic, and the contact carries on along the node's edge: one broken action
// should not strand a contact. Only unexpected failures (the database, a bug) throw: the job's
// transaction rolls back and pg-boss retries it; after the last retry the execution is failed
// (fail-execution.ts).
import { schema, uuidv7 } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { generateContent } from "../../content/generate-content.ts";
import { offlineGenerationProvider } from "../../content/offline-provider.ts";
import { renderTemplate } from "../../content/render-template.ts";
import { DomainError } from "../../errors.ts";
import { unsubscribeLink } from "../contacts/unsubscribe-token.ts";
import type { JourneyNode } from "../journeys/definition.ts";
import { mergeValues, renderEmail, renderSms } from "../messages/render-message.ts";
import { refreshContactMemberships } from "../segments/refresh-contact-memberships.ts";
import type { StepResult } from "./run-node.ts";
import { contactZone, quietHoursEnd } from "./wait-times.ts";
import type { Walk } from "./walk.ts";

type ActionNode = JourneyNode & { kind: "action" };

/** The idempotency key of the step being run: the same on every run of that step. */
export const stepKey = (walk: Walk): string => `journey-step:${walk.execution.id}:${walk.seq}`;

const errored = (
  walk: Walk,
  node: ActionNode,
  error: string,
  detail: Record<string, unknown> = {},
): StepResult => ({
  kind: "next",
  next: walk.graph.next(node.id),
  outcome: "errored",
  stat: "errored",
  error,
  detail,
});

const done = (
  walk: Walk,
  node: ActionNode,
  detail: Record<string, unknown> = {},
  outcome = "completed",
): StepResult => ({
  kind: "next",
  next: walk.graph.next(node.id),
  outcome,
  stat: "completed",
  detail,
});

export async function runAction(walk: Walk, node: ActionNode): Promise<StepResult> {
  const action = node.action;
  switch (action.type) {
    case "send_email":
    case "send_sms":
      return send(walk, node, action);
    case "add_tag":
    case "remove_tag":
      return changeTag(walk, node, action.type === "add_tag" ? "add" : "remove", action.tag);
    case "update_attribute":
      return updateAttribute(walk, node, action.key, action.value);
    case "call_webhook":
      return callWebhook(walk, node, action.connectorId);
    case "generate_content":
      return generate(walk, node, action);
    case "start_workflow":
      return startWorkflow(walk, node, action.workflowKey);
  }
}

async function send(
  walk: Walk,
  node: ActionNode,
  action: Extract<ActionNode["action"], { type: "send_email" | "send_sms" }>,
): Promise<StepResult> {
  const { ctx, contact, now, deps } = walk;
  const channel = action.type === "send_email" ? "email" : "sms";
  // Quiet hours: the contact waits at this node until they end, then the message is queued.
  const held =
    walk.state.wait?.nodeId === node.id && walk.state.wait.type === "quiet_hours" ? walk.state.wait : null;
  if (held && new Date(held.until) > now) return { kind: "wait", wait: held };
  const quietUntil = quietHoursEnd(now, contactZone(contact.timeZone), walk.graph.settings.quietHours);
  if (quietUntil) {
    const until = quietUntil.toISOString();
    return {
      kind: "wait",
      wait: { nodeId: node.id, type: "quiet_hours", until },
      detail: { reason: "quiet_hours", until },
    };
  }

  const address = channel === "email" ? contact.email : contact.phone;
  if (!address) return done(walk, node, { reason: channel === "email" ? "no_email" : "no_phone" }, "skipped");
  const unsubscribeUrl = deps.unsubscribe
    ? unsubscribeLink({ ...deps.unsubscribe, accountId: ctx.accountId, contactId: contact.id, channel })
    : null;
  const extra: Record<string, string> = walk.state.generated
    ? { generated_content: walk.state.generated.text }
    : {};

  let payload: Record<string, unknown>;
  if (action.type === "send_email") {
    let { subject, body } = action;
    let declared: { name: string; defaultValue: string | null }[] = [];
    if (action.templateId) {
      const t = schema.contentTemplates;
      const [template] = await ctx.tx
        .select({ subject: t.subject, body: t.body, variables: t.variables })
        .from(t)
        .where(and(eq(t.accountId, ctx.accountId), eq(t.id, action.templateId)));
      if (!template) return errored(walk, node, "The message's template no longer exists.");
      subject = template.subject.trim() || subject;
      body = template.body;
      declared = template.variables;
    }
    payload = {
      ...renderEmail({
        contact: { ...contact, email: address },
        subject,
        body,
        declared,
        unsubscribeUrl,
        extra,
      }),
    };
  } else {
    payload = {
      ...renderSms({ contact: { ...contact, phone: address }, text: action.text, unsubscribeUrl, extra }),
    };
  }
  // The cap travels with the message: the sender checks it just before sending.
  payload.frequencyCap = walk.graph.settings.frequencyCap;
  // Written with the other walks' messages at the end of the job (queueMessages), in the same
  // transaction as this step.
  const id = uuidv7();
  walk.messages.push({
    id,
    accountId: ctx.accountId,
    contactId: contact.id,
    channel,
    provider: deps.providerNames?.[channel] ?? "log",
    idempotencyKey: stepKey(walk),
    journeyId: walk.execution.journeyId,
    executionId: walk.execution.id,
    nodeId: node.id,
    campaignId: walk.campaignId,
    payload,
    scheduledAt: now,
  });
  const unknown = payload.unknown as string[];
  return done(walk, node, {
    messageId: id,
    channel,
    ...(unknown.length > 0 ? { unknownVariables: unknown } : {}),
  });
}

async function changeTag(
  walk: Walk,
  node: ActionNode,
  change: "add" | "remove",
  tag: string,
): Promise<StepResult> {
  const { ctx, contact, now } = walk;
  const c = schema.contacts;
  const [row] = await ctx.tx
    .update(c)
    .set({
      tags:
        change === "add"
          ? sql`array_append(${c.tags}, ${tag}::text)`
          : sql`array_remove(${c.tags}, ${tag}::text)`,
      version: sql`${c.version} + 1`,
      updatedAt: now,
    })
    .where(
      and(
        eq(c.accountId, ctx.accountId),
        eq(c.id, contact.id),
        change === "add" ? sql`not (${tag}::text = any(${c.tags}))` : sql`${tag}::text = any(${c.tags})`,
      ),
    )
    .returning();
  if (!row) return done(walk, node, { tag, changed: false });
  walk.contact = row;
  walk.contactChanged = true;
  // Tags can move the contact in or out of dynamic segments (and so into other journeys).
  await refreshContactMemberships(ctx, [contact.id]);
  return done(walk, node, { tag, changed: true });
}

async function updateAttribute(
  walk: Walk,
  node: ActionNode,
  key: string,
  value: string | number | boolean | null,
): Promise<StepResult> {
  const { ctx, contact, now } = walk;
  const c = schema.contacts;
  const json = JSON.stringify(value);
  // null removes the attribute (conditions then see it as not existing).
  const [row] = await ctx.tx
    .update(c)
    .set({
      attributes:
        value === null
          ? sql`${c.attributes} - ${key}::text`
          : sql`${c.attributes} || jsonb_build_object(${key}::text, ${json}::text::jsonb)`,
      version: sql`${c.version} + 1`,
      updatedAt: now,
    })
    .where(
      and(
        eq(c.accountId, ctx.accountId),
        eq(c.id, contact.id),
        value === null
          ? sql`${c.attributes} ? ${key}::text`
          : sql`${c.attributes} -> ${key}::text is distinct from ${json}::text::jsonb`,
      ),
    )
    .returning();
  if (!row) return done(walk, node, { key, changed: false });
  walk.contact = row;
  walk.contactChanged = true;
  await refreshContactMemberships(ctx, [contact.id]);
  return done(walk, node, { key, changed: true });
}

async function callWebhook(walk: Walk, node: ActionNode, connectorId: string): Promise<StepResult> {
  const { ctx, contact, deps } = walk;
  if (!deps.effects) return errored(walk, node, "Webhook calls are not available on this worker.");
  const k = schema.connectors;
  const [connector] = await ctx.tx
    .select({ kind: k.kind, enabled: k.enabled })
    .from(k)
    .where(and(eq(k.accountId, ctx.accountId), eq(k.id, connectorId)));
  if (connector?.kind !== "webhook") return errored(walk, node, "The webhook connector no longer exists.");
  if (!connector.enabled) return errored(walk, node, "The webhook connector is disabled.");
  const key = stepKey(walk);
  await deps.effects.enqueueWebhook(ctx.tx, {
    key,
    accountId: ctx.accountId,
    connectorId,
    journeyId: walk.execution.journeyId,
    executionId: walk.execution.id,
    nodeId: node.id,
    contact: { id: contact.id, email: contact.email, phone: contact.phone, externalId: contact.externalId },
    occurredAt: walk.now.toISOString(),
  });
  return done(walk, node, { connectorId, key });
}

async function generate(
  walk: Walk,
  node: ActionNode,
  action: Extract<ActionNode["action"], { type: "generate_content" }>,
): Promise<StepResult> {
  const { ctx, contact } = walk;
  const brief = renderTemplate(action.prompt, mergeValues(contact)).text.trim().slice(0, 2_000);
  if (!brief) return errored(walk, node, "The prompt is empty for this contact.");
  try {
    // In a savepoint: a refusal (no brand DNA, not enough tokens) rolls back only the generation.
    // The journey acts with exactly the permissions generating needs, as an API key would.
    const generation = await ctx.tx.transaction((savepoint) =>
      generateContent(
        { ...ctx, tx: savepoint, role: null, scopes: ["content:write", "wallet:write"] },
        {
          idempotencyKey: stepKey(walk),
          contentType: action.contentType,
          brief,
          campaignId: walk.campaignId ?? undefined,
          variants: 1,
        },
        walk.deps.generationProvider ?? offlineGenerationProvider,
      ),
    );
    if (generation.status !== "succeeded") {
      return errored(walk, node, generation.error ?? "Content generation failed.", {
        generationId: generation.id,
      });
    }
    walk.state.generated = {
      nodeId: node.id,
      generationId: generation.id,
      text: (generation.output ?? "").slice(0, 10_000),
    };
    return done(walk, node, { generationId: generation.id, tokensCharged: generation.tokensCharged });
  } catch (error) {
    if (error instanceof DomainError) return errored(walk, node, error.message);
    throw error;
  }
}

async function startWorkflow(walk: Walk, node: ActionNode, workflowKey: string): Promise<StepResult> {
  const { ctx, deps } = walk;
  if (!deps.workflows) {
    return errored(
      walk,
      node,
      "Workflows are not available yet: this server has no workflow engine to start them.",
    );
  }
  try {
    const { instanceId } = await ctx.tx.transaction((savepoint) =>
      deps.workflows!.start(savepoint, {
        accountId: ctx.accountId,
        workflowKey,
        idempotencyKey: stepKey(walk),
        input: {
          contactId: walk.contact.id,
          journeyId: walk.execution.journeyId,
          executionId: walk.execution.id,
          nodeId: node.id,
        },
      }),
    );
    return done(walk, node, { workflowKey, instanceId });
  } catch (error) {
    if (error instanceof DomainError) return errored(walk, node, error.message);
    throw error;
  }
}
