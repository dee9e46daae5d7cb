// Workflow definitions on real PostgreSQL: drafts saved with their problems, activation refused
// while there are any, versions numbered per name and immutable once out of draft, the lifecycle
// (activate, deprecate, archive, delete drafts only), audit, permissions and tenant isolation.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateWorkflowDefinition,
  archiveWorkflowDefinition,
  createWorkflowDefinition,
  createWorkflowVersion,
  deleteWorkflowDefinition,
  deprecateWorkflowDefinition,
  InvalidWorkflowDefinitionError,
  loadWorkflowDefinition,
  newestActiveDefinition,
  type OperationContext,
  updateWorkflowDefinition,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const other = randomUUID();
const user = randomUUID();
const stranger = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values
    (${user}, 'workflows@example.test', 'Flow Maker'), (${stranger}, 'stranger@example.test', 'Stranger')`;
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Flows', 'flows'), (${other}, 'Elsewhere', 'elsewhere')`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(op: (ctx: OperationContext) => Promise<T>, role: "member" | "viewer" = "member"): Promise<T> =>
  h.runAsMutation({ accountId: account, userId: user, role }, op);
const asOther = <T>(op: (ctx: OperationContext) => Promise<T>): Promise<T> =>
  h.runAsMutation({ accountId: other, userId: stranger, role: "owner" }, op);

const wait = (id: string, dependsOn: string[] = []) => ({
  id,
  type: "wait",
  parameters: { duration: { seconds: 5 } },
  dependsOn,
});
const good = { steps: [wait("first"), wait("second", ["first"])] };
const cyclic = { steps: [wait("a", ["b"]), wait("b", ["a"])] };

describe("workflow definitions", () => {
  it("creates version 1 as a draft, stored with defaults filled in, and audits it", async () => {
    const created = await as((ctx) =>
      createWorkflowDefinition(ctx, { name: "Onboarding", description: "Hello", definition: good }),
    );
    expect(created).toMatchObject({
      name: "Onboarding",
      version: 1,
      status: "draft",
      description: "Hello",
      createdBy: user,
    });
    const steps = (created.definition as { steps: Record<string, unknown>[] }).steps;
    expect(steps[1]).toMatchObject({
      id: "second",
      dependsOn: ["first"],
      retry: { max: 0 },
      timeoutSeconds: null,
    });
    const audit = await h.owner`select action from audit_logs where entity_id = ${created.id}`;
    expect(audit.map((a) => a.action)).toEqual(["workflow_definition.created"]);
  });

  it("refuses a definition that is not a JSON object, and an id that is not one", async () => {
    await expect(
      as((ctx) =>
        createWorkflowDefinition(ctx, { name: "List", definition: [] as unknown as Record<string, unknown> }),
      ),
    ).rejects.toMatchObject({ errors: [{ code: "INVALID", field: "definition" }] });
    await expect(as((ctx) => loadWorkflowDefinition(ctx, "not-an-id"))).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
  });

  it("refuses a second workflow of the same name with CONFLICT", async () => {
    await as((ctx) => createWorkflowDefinition(ctx, { name: "Twice", definition: good }));
    await expect(
      as((ctx) => createWorkflowDefinition(ctx, { name: "Twice", definition: good })),
    ).rejects.toMatchObject({
      errors: [{ code: "CONFLICT", field: "name" }],
    });
  });

  it("saves a draft with problems but refuses to activate it, answering the problems", async () => {
    const draft = await as((ctx) => createWorkflowDefinition(ctx, { name: "Loopy", definition: cyclic }));
    expect(draft.definition).toMatchObject({ steps: [{ id: "a" }, { id: "b" }] });
    const refused = as((ctx) => activateWorkflowDefinition(ctx, { id: draft.id }));
    await expect(refused).rejects.toBeInstanceOf(InvalidWorkflowDefinitionError);
    await expect(refused).rejects.toMatchObject({
      errors: [
        { code: "INVALID_DEFINITION", field: "definition.steps.a.dependsOn" },
        { code: "INVALID_DEFINITION", field: "definition.steps.b.dependsOn" },
      ],
      problems: [
        { stepId: "a", code: "CYCLE" },
        { stepId: "b", code: "CYCLE" },
      ],
    });
    expect((await as((ctx) => loadWorkflowDefinition(ctx, draft.id))).status).toBe("draft");

    const fixed = await as((ctx) => updateWorkflowDefinition(ctx, { id: draft.id, definition: good }));
    const active = await as((ctx) => activateWorkflowDefinition(ctx, { id: fixed.id }));
    expect(active.status).toBe("active");
    expect(active.activatedAt).toBeInstanceOf(Date);
  });

  it("keeps a draft whose shape is wrong as it was sent", async () => {
    const odd = { steps: [{ id: "x", type: "wait", retry: "often" }], note: "kept" };
    const draft = await as((ctx) => createWorkflowDefinition(ctx, { name: "Half written", definition: odd }));
    expect(draft.definition).toEqual(odd);
    await expect(as((ctx) => activateWorkflowDefinition(ctx, { id: draft.id }))).rejects.toMatchObject({
      errors: [{ code: "INVALID_DEFINITION" }, { code: "INVALID_DEFINITION" }],
    });
  });

  it("edits drafts only, and moves versions through the lifecycle", async () => {
    const v1 = await as((ctx) => createWorkflowDefinition(ctx, { name: "Lifecycle", definition: good }));
    const edited = await as((ctx) => updateWorkflowDefinition(ctx, { id: v1.id, description: "Edited" }));
    expect(edited.description).toBe("Edited");
    await as((ctx) => activateWorkflowDefinition(ctx, { id: v1.id }));
    await expect(
      as((ctx) => updateWorkflowDefinition(ctx, { id: v1.id, description: "No" })),
    ).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION", field: "status" }],
    });
    await expect(as((ctx) => activateWorkflowDefinition(ctx, { id: v1.id }))).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION" }],
    });

    const deprecated = await as((ctx) => deprecateWorkflowDefinition(ctx, { id: v1.id }));
    expect(deprecated).toMatchObject({ status: "deprecated" });
    expect(deprecated.deprecatedAt).toBeInstanceOf(Date);
    const again = await as((ctx) => activateWorkflowDefinition(ctx, { id: v1.id }));
    expect(again).toMatchObject({
      status: "active",
      deprecatedAt: null,
      activatedAt: deprecated.activatedAt,
    });

    const archived = await as((ctx) => archiveWorkflowDefinition(ctx, { id: v1.id }));
    expect(archived.status).toBe("archived");
    await expect(as((ctx) => activateWorkflowDefinition(ctx, { id: v1.id }))).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION" }],
    });
    await expect(as((ctx) => deprecateWorkflowDefinition(ctx, { id: v1.id }))).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION" }],
    });
    const audit =
      await h.owner`select action from audit_logs where entity_id = ${v1.id} order by created_at, id`;
    expect(audit.map((a) => a.action)).toEqual([
      "workflow_definition.created",
      "workflow_definition.updated",
      "workflow_definition.activated",
      "workflow_definition.deprecated",
      "workflow_definition.activated",
      "workflow_definition.archived",
    ]);
  });

  it("numbers new versions per name, copying the version named, and finds the newest active one", async () => {
    const v1 = await as((ctx) =>
      createWorkflowDefinition(ctx, { name: "Versions", description: "One", definition: good }),
    );
    await as((ctx) => activateWorkflowDefinition(ctx, { id: v1.id }));
    const v2 = await as((ctx) => createWorkflowVersion(ctx, { id: v1.id }));
    expect(v2).toMatchObject({
      name: "Versions",
      version: 2,
      status: "draft",
      description: "One",
      definition: v1.definition,
    });
    // From an older version, the number is still the next one of the name.
    const v3 = await as((ctx) => createWorkflowVersion(ctx, { id: v1.id }));
    expect(v3.version).toBe(3);

    expect((await as((ctx) => newestActiveDefinition(ctx, "Versions")))?.id).toBe(v1.id);
    await as((ctx) => activateWorkflowDefinition(ctx, { id: v2.id }));
    expect((await as((ctx) => newestActiveDefinition(ctx, "Versions")))?.id).toBe(v2.id);
    expect(await as((ctx) => newestActiveDefinition(ctx, "Nothing by this name"))).toBeNull();
  });

  it("deletes drafts only", async () => {
    const v1 = await as((ctx) => createWorkflowDefinition(ctx, { name: "Deletable", definition: good }));
    await as((ctx) => activateWorkflowDefinition(ctx, { id: v1.id }));
    await expect(as((ctx) => deleteWorkflowDefinition(ctx, { id: v1.id }))).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION" }],
    });
    const v2 = await as((ctx) => createWorkflowVersion(ctx, { id: v1.id }));
    expect(await as((ctx) => deleteWorkflowDefinition(ctx, { id: v2.id }))).toEqual({ deletedId: v2.id });
    await expect(as((ctx) => loadWorkflowDefinition(ctx, v2.id))).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
    const audit =
      await h.owner`select action from audit_logs where entity_id = ${v2.id} order by created_at, id`;
    expect(audit.map((a) => a.action)).toEqual([
      "workflow_definition.version_created",
      "workflow_definition.deleted",
    ]);
  });

  it("lets viewers read but not write", async () => {
    const v1 = await as((ctx) => createWorkflowDefinition(ctx, { name: "Readable", definition: good }));
    expect((await as((ctx) => loadWorkflowDefinition(ctx, v1.id), "viewer")).id).toBe(v1.id);
    const ops: ((ctx: OperationContext) => Promise<unknown>)[] = [
      (ctx: OperationContext) => createWorkflowDefinition(ctx, { name: "Viewer's", definition: good }),
      (ctx: OperationContext) => updateWorkflowDefinition(ctx, { id: v1.id, description: "x" }),
      (ctx: OperationContext) => activateWorkflowDefinition(ctx, { id: v1.id }),
      (ctx: OperationContext) => deleteWorkflowDefinition(ctx, { id: v1.id }),
    ];
    for (const op of ops) {
      await expect(as(op, "viewer")).rejects.toMatchObject({ errors: [{ code: "FORBIDDEN" }] });
    }
  });

  it("keeps each account's definitions to itself", async () => {
    const mine = await as((ctx) => createWorkflowDefinition(ctx, { name: "Private", definition: good }));
    await as((ctx) => activateWorkflowDefinition(ctx, { id: mine.id }));
    const notFound = { errors: [{ code: "NOT_FOUND" }] };
    await expect(asOther((ctx) => loadWorkflowDefinition(ctx, mine.id))).rejects.toMatchObject(notFound);
    expect(await asOther((ctx) => newestActiveDefinition(ctx, "Private"))).toBeNull();
    await expect(
      asOther((ctx) => updateWorkflowDefinition(ctx, { id: mine.id, description: "x" })),
    ).rejects.toMatchObject(notFound);
    await expect(asOther((ctx) => createWorkflowVersion(ctx, { id: mine.id }))).rejects.toMatchObject(
      notFound,
    );
    await expect(asOther((ctx) => deprecateWorkflowDefinition(ctx, { id: mine.id }))).rejects.toMatchObject(
      notFound,
    );
    await expect(asOther((ctx) => archiveWorkflowDefinition(ctx, { id: mine.id }))).rejects.toMatchObject(
      notFound,
    );
    await expect(asOther((ctx) => deleteWorkflowDefinition(ctx, { id: mine.id }))).rejects.toMatchObject(
      notFound,
    );
    // The same name is free in another account.
    const theirs = await asOther((ctx) =>
      createWorkflowDefinition(ctx, { name: "Private", definition: good }),
    );
    expect(theirs).toMatchObject({ accountId: other, version: 1 });
    expect((await as((ctx) => loadWorkflowDefinition(ctx, mine.id))).status).toBe("active");
  });
});
