// Journeys over HTTP: drafts answered with their problems by node, publishing refused while there
// are any, the lifecycle, enrolContacts counts, the read model (stats, node stats, funnel, who is
// at a node with their contact), statements per page staying flat as journeys grow, and another
// tenant that can neither read, pause nor enrol into a journey that is not its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test";
const VICTOR = "victor.viewer@northwind.test";
const SAM = "sam.owner@bluebottle.test";

let h: Harness;
const accounts: Record<string, string> = {};
const contacts: string[] = [];

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

beforeAll(async () => {
  h = await startHarness();
  for (const a of await h.owner.sql<{ id: string; slug: string }[]>`select id, slug from accounts`) {
    accounts[a.slug] = a.id;
  }
  for (let i = 0; i < 4; i++) {
    const [c] = await h.owner.sql<{ id: string }[]>`
      insert into contacts (id, account_id, email, first_name)
      values (gen_random_uuid(), ${accounts.northwind!}, ${`journey${i}@customer.test`}, ${`Ada ${i}`}) returning id`;
    contacts.push(c!.id);
  }
});
afterAll(async () => {
  await h?.close();
});

interface UserError {
  field: string | null;
  code: string;
}
interface Problem {
  nodeId: string | null;
  code: string;
}
interface Journey {
  id: string;
  name: string;
  status: string;
  version: number;
  publishedVersion: number | null;
}
type Payload = { journey: Journey | null; problems?: Problem[]; userErrors: UserError[] };

const JOURNEY = "id name status version publishedVersion";

async function mutate<T = Payload>(
  as: string,
  account: string,
  name: string,
  input: Record<string, unknown>,
  select?: string,
) {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
  const fields = select ?? `journey { ${JOURNEY} } userErrors { field code }`;
  const res = await h.gql<Record<string, T>>(
    `mutation($input: ${type}Input!) { ${name}(input: $input) { ${fields} } }`,
    { as, account, variables: { input } },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data![name]!;
}

const WITH_PROBLEMS = `journey { ${JOURNEY} } problems { nodeId code message } userErrors { field code }`;

/** trigger → email → exit. */
const linear = (reEntry: Record<string, unknown> = { mode: "never" }) => ({
  nodes: [
    { id: "start", kind: "trigger", trigger: { type: "manual" }, position: { x: 0, y: 0 } },
    {
      id: "email",
      kind: "action",
      label: "Welcome",
      action: { type: "send_email", subject: "Hi", body: "Hello" },
    },
    { id: "done", kind: "exit" },
  ],
  edges: [
    { id: "e1", source: "start", target: "email" },
    { id: "e2", source: "email", target: "done" },
  ],
  settings: { reEntry },
});

async function activeJourney(name: string, as = OLIVIA, account = "northwind") {
  const created = (await mutate(as, account, "createJourney", { name })).journey!;
  const updated = (
    await mutate(as, account, "updateJourney", { id: created.id, version: created.version, draft: linear() })
  ).journey!;
  const published = (
    await mutate(as, account, "publishJourney", { id: updated.id, version: updated.version })
  ).journey!;
  return (await mutate(as, account, "activateJourney", { id: published.id, version: published.version }))
    .journey!;
}

describe("drafts and publishing", () => {
  it("answers a draft's problems with their node ids and refuses to publish it", async () => {
    const created = await mutate(
      OLIVIA,
      "northwind",
      "createJourney",
      { name: "Onboarding", description: "New" },
      WITH_PROBLEMS,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.journey).toMatchObject({ status: "DRAFT", version: 1, publishedVersion: null });
    expect(created.problems).toEqual([
      { nodeId: "trigger", code: "MISSING_NEXT", message: expect.any(String) },
    ]);

    const draft = linear();
    draft.nodes.push({
      id: "split",
      kind: "split",
      branches: [
        { key: "a", percent: 30 },
        { key: "b", percent: 30 },
      ],
    } as never);
    draft.edges.push({ id: "e3", source: "email", target: "ghost" });
    const saved = await mutate(
      OLIVIA,
      "northwind",
      "updateJourney",
      { id: created.journey!.id, version: 1, draft },
      WITH_PROBLEMS,
    );
    expect(saved.userErrors).toEqual([]);
    expect(saved.journey!.version).toBe(2);
    expect(saved.problems!.map((p) => [p.code, p.nodeId])).toEqual([
      ["DANGLING_EDGE", "email"],
      ["TOO_MANY_NEXT", "email"],
      ["SPLIT_NOT_100", "split"],
      ["MISSING_BRANCH", "split"],
      ["MISSING_BRANCH", "split"],
      ["UNREACHABLE", "split"],
    ]);

    const read = await h.gql<{ journey: { draftProblems: Problem[]; draft: { nodes: unknown[] } } }>(
      `query($id: ID!) { journey(id: $id) { draftProblems { nodeId code } draft } }`,
      { as: OLIVIA, account: "northwind", variables: { id: created.journey!.id } },
    );
    expect(read.body.data!.journey.draft.nodes).toHaveLength(4);
    expect(read.body.data!.journey.draftProblems).toHaveLength(6);

    const refused = await mutate(
      OLIVIA,
      "northwind",
      "publishJourney",
      { id: created.journey!.id, version: 2 },
      `journey { id } version { number } problems { nodeId code } userErrors { field code }`,
    );
    expect(refused.journey).toBeNull();
    expect(refused.problems).toHaveLength(6);
    expect(refused.problems).toContainEqual({ nodeId: "split", code: "SPLIT_NOT_100" });
    expect(refused.userErrors).toContainEqual({ field: "draft.nodes.split", code: "INVALID_DEFINITION" });
  });

  it("refuses a draft of the wrong shape with the field's path", async () => {
    const created = (await mutate(OLIVIA, "northwind", "createJourney", { name: "Shapeless" })).journey!;
    const draft = linear();
    (draft.nodes[1] as { action: unknown }).action = { type: "send_fax" };
    const saved = await mutate(OLIVIA, "northwind", "updateJourney", { id: created.id, version: 1, draft });
    expect(saved.journey).toBeNull();
    expect(saved.userErrors).toEqual([{ field: "draft.nodes.1.action.type", code: "INVALID" }]);
  });

  it("publishes numbered versions, activates, pauses, resumes and archives", async () => {
    const j = await activeJourney("Lifecycle");
    expect(j).toMatchObject({ status: "ACTIVE", publishedVersion: 1 });
    const activeAgain = await mutate(OLIVIA, "northwind", "activateJourney", {
      id: j.id,
      version: j.version,
    });
    expect(activeAgain.userErrors).toEqual([{ field: "status", code: "INVALID_TRANSITION" }]);
    const paused = (await mutate(OLIVIA, "northwind", "pauseJourney", { id: j.id, version: j.version }))
      .journey!;
    expect(paused.status).toBe("PAUSED");
    const stale = await mutate(OLIVIA, "northwind", "resumeJourney", { id: j.id, version: j.version });
    expect(stale.userErrors).toEqual([{ field: "version", code: "CONFLICT" }]);
    const resumed = (
      await mutate(OLIVIA, "northwind", "resumeJourney", { id: j.id, version: paused.version })
    ).journey!;
    expect(resumed.status).toBe("ACTIVE");
    const deleteActive = await mutate(OLIVIA, "northwind", "deleteJourney", {
      id: j.id,
      version: resumed.version,
    });
    expect(deleteActive.userErrors).toEqual([{ field: "status", code: "INVALID_TRANSITION" }]);
    const archived = (
      await mutate(OLIVIA, "northwind", "archiveJourney", { id: j.id, version: resumed.version })
    ).journey!;
    expect(archived.status).toBe("ARCHIVED");
    const versions = await h.gql<{
      journey: { versions: { number: number; publishedBy: { name: string } }[] };
    }>(
      `query($id: ID!) { journey(id: $id) { versions { number definition publishedAt publishedBy { name } } } }`,
      { as: OLIVIA, account: "northwind", variables: { id: j.id } },
    );
    expect(versions.body.data!.journey.versions).toMatchObject([
      { number: 1, publishedBy: { name: "Olivia Owner" } },
    ]);
  });

  it("lets a viewer read journeys but not change them", async () => {
    const viewer = await h.gql(`query { journeys(first: 5) { totalCount } }`, {
      as: VICTOR,
      account: "acme-outdoor",
    });
    expect(viewer.body.errors).toBeUndefined();
    const refused = await mutate(VICTOR, "acme-outdoor", "createJourney", { name: "Nope" });
    expect(refused.userErrors).toEqual([{ field: null, code: "FORBIDDEN" }]);
  });
});

describe("enrolment and the read model", () => {
  it("enrols contacts, counts them, and shows them at their node with their contact", async () => {
    const j = await activeJourney("Welcome series");
    const input = {
      journeyId: j.id,
      contactIds: contacts.slice(0, 3).map((id) => gid("Contact", id)),
      entryKey: "signup-batch-1",
    };
    const first = await mutate(
      OLIVIA,
      "northwind",
      "enrolContacts",
      input,
      "enrolled skipped userErrors { field code }",
    );
    expect(first).toEqual({ enrolled: 3, skipped: 0, userErrors: [] });
    const again = await mutate(
      OLIVIA,
      "northwind",
      "enrolContacts",
      input,
      "enrolled skipped userErrors { field code }",
    );
    expect(again).toEqual({ enrolled: 0, skipped: 3, userErrors: [] });
    const unknown = await mutate(
      OLIVIA,
      "northwind",
      "enrolContacts",
      { journeyId: j.id, contactIds: [gid("Contact", contacts[3]!), gid("Journey", contacts[0]!)] },
      "enrolled skipped userErrors { field code }",
    );
    expect(unknown).toEqual({
      enrolled: 0,
      skipped: 0,
      userErrors: [{ field: "contactIds.1", code: "NOT_FOUND" }],
    });

    const read = await h.gql<{
      journey: {
        stats: Record<string, number>;
        nodeStats: { nodeId: string; entered: number }[];
        funnel: { nodeId: string; label: string; kind: string; entered: number }[];
        contactsAtNode: {
          totalCount: number;
          nodes: {
            status: string;
            currentNodeId: string;
            versionNumber: number;
            contact: { email: string };
          }[];
        };
      };
    }>(
      `query($id: ID!) { journey(id: $id) {
         stats { entered active waiting completed exited converted failed }
         nodeStats { nodeId entered waiting completed errored converted }
         funnel { nodeId label kind entered }
         contactsAtNode(nodeId: "start", first: 10) { totalCount nodes { status currentNodeId versionNumber
           enteredAt steps { seq } contact { email } } }
       } }`,
      { as: OLIVIA, account: "northwind", variables: { id: j.id } },
    );
    expect(read.body.errors).toBeUndefined();
    const journey = read.body.data!.journey;
    expect(journey.stats).toEqual({
      entered: 3,
      active: 3,
      waiting: 0,
      completed: 0,
      exited: 0,
      converted: 0,
      failed: 0,
    });
    expect(journey.nodeStats).toMatchObject([{ nodeId: "start", entered: 3 }]);
    expect(journey.funnel).toEqual([
      { nodeId: "start", label: "Start", kind: "trigger", entered: 3 },
      { nodeId: "email", label: "Welcome", kind: "action", entered: 0 },
      { nodeId: "done", label: "Exit", kind: "exit", entered: 0 },
    ]);
    expect(journey.contactsAtNode.totalCount).toBe(3);
    expect(journey.contactsAtNode.nodes.map((n) => n.contact.email).sort()).toEqual([
      "journey0@customer.test",
      "journey1@customer.test",
      "journey2@customer.test",
    ]);
    expect(journey.contactsAtNode.nodes[0]).toMatchObject({
      status: "ACTIVE",
      currentNodeId: "start",
      versionNumber: 1,
    });
  });

  it("lists journeys with their numbers in a constant number of statements", async () => {
    const list = () =>
      h.gql<{ journeys: { totalCount: number; nodes: { name: string }[] } }>(
        `query { journeys(first: 20) { totalCount nodes { id name status campaign { name } publishedVersion
           stats { entered active completed } nodeStats { nodeId entered } funnel { nodeId entered }
           versions { number publishedBy { name } } draftProblems { code }
           contactsAtNode(nodeId: "start", first: 3) { totalCount nodes { contact { email } } } } } }`,
        { as: OLIVIA, account: "northwind" },
      );
    await activeJourney("Counted one");
    h.counter.reset();
    const before = await list();
    expect(before.body.errors, JSON.stringify(before.body.errors)).toBeUndefined();
    const statements = h.counter.count;
    const j = await activeJourney("Counted two");
    await mutate(
      OLIVIA,
      "northwind",
      "enrolContacts",
      { journeyId: j.id, contactIds: [gid("Contact", contacts[3]!)] },
      "enrolled",
    );
    h.counter.reset();
    const after = await list();
    expect(after.body.data!.journeys.totalCount).toBe(before.body.data!.journeys.totalCount + 1);
    expect(h.counter.count).toBe(statements);
    const searched = await h.gql<{ journeys: { nodes: { name: string }[] } }>(
      `query { journeys(first: 10, filter: { search: "counted", status: ACTIVE }) { nodes { name } } }`,
      { as: OLIVIA, account: "northwind" },
    );
    expect(searched.body.data!.journeys.nodes.map((n) => n.name)).toEqual(["Counted two", "Counted one"]);
  });
});

describe("tenant isolation", () => {
  it("another tenant can neither read, pause nor enrol into a journey", async () => {
    const j = await activeJourney("Northwind only");
    const read = await h.gql<{ journey: unknown; node: unknown; journeys: { nodes: { id: string }[] } }>(
      `query($id: ID!) { journey(id: $id) { id } node(id: $id) { id } journeys(first: 50) { nodes { id } } }`,
      { as: SAM, account: "blue-bottle", variables: { id: j.id } },
    );
    expect(read.body.data).toMatchObject({ journey: null, node: null });
    expect(read.body.data!.journeys.nodes.map((n) => n.id)).not.toContain(j.id);

    const paused = await mutate(SAM, "blue-bottle", "pauseJourney", { id: j.id, version: j.version });
    expect(paused.userErrors).toEqual([{ field: "id", code: "NOT_FOUND" }]);
    const enrolled = await mutate(
      SAM,
      "blue-bottle",
      "enrolContacts",
      { journeyId: j.id, contactIds: [gid("Contact", contacts[0]!)] },
      "enrolled skipped userErrors { field code }",
    );
    expect(enrolled.userErrors).toEqual([{ field: "journeyId", code: "NOT_FOUND" }]);
    const [row] = await h.owner.sql<{ status: string; n: number }[]>`
      select j.status, (select count(*)::int from journey_executions e where e.journey_id = j.id) as n
        from journeys j where j.id = ${Buffer.from(j.id, "base64").toString().split(":")[1]!}`;
    expect(row).toEqual({ status: "active", n: 0 });
  });
});
