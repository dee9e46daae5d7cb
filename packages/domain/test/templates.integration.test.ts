// Templates on real PostgreSQL: variables declared or refused on save, names unique per kind,
// optimistic locking, archive/unarchive/delete, previews that escape script, tenant isolation.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  archiveTemplate,
  createTemplate,
  deleteTemplate,
  type OperationContext,
  previewTemplate,
  unarchiveTemplate,
  updateTemplate,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const shop = randomUUID();
const rival = randomUUID();
const user = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'm@example.test', 'Marketer')`;
  await h.owner`insert into accounts (id, name, slug) values (${shop}, 'Shop', 'shop'), (${rival}, 'Rival', 'rival')`;
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(
  op: (ctx: OperationContext) => Promise<T>,
  options: { role?: "member" | "viewer"; account?: string } = {},
): Promise<T> =>
  h.run({ accountId: options.account ?? shop, userId: user, role: options.role ?? "member" }, op);

const welcome = {
  kind: "email" as const,
  name: "Welcome",
  subject: "Welcome, {{first_name}}",
  body: "Hi {{ first_name }},\n\nYour code is {{code}}.",
  variables: [
    { name: "first_name", defaultValue: "friend" },
    { name: "code", defaultValue: null },
  ],
};

describe("saving templates", () => {
  it("refuses a template that uses variables it does not declare, naming each one", async () => {
    const refused = as((ctx) =>
      createTemplate(ctx, {
        ...welcome,
        name: "Typo",
        subject: "Hello {{frist_name}}",
        body: "{{code}} {{ shop.url }} {{frist_name}}",
      }),
    );
    await expect(refused).rejects.toMatchObject({
      errors: [
        { code: "UNKNOWN_VARIABLE", field: "subject", message: expect.stringContaining("{{frist_name}}") },
        { code: "UNKNOWN_VARIABLE", field: "body", message: expect.stringContaining("{{shop.url}}") },
      ],
    });
    const count = await h.owner`select count(*)::int as n from content_templates where name = 'Typo'`;
    expect(count[0]!.n).toBe(0);
  });

  it("creates, keeps names unique per kind, and edits with the version read", async () => {
    const t = await as((ctx) => createTemplate(ctx, welcome));
    expect(t).toMatchObject({ kind: "email", version: 1, archivedAt: null, createdBy: user });
    await expect(as((ctx) => createTemplate(ctx, welcome))).rejects.toMatchObject({
      errors: [{ code: "TAKEN", field: "name" }],
    });
    // The same name is free for the other kind and in another account.
    await as((ctx) => createTemplate(ctx, { ...welcome, kind: "content", subject: "" }));
    await as((ctx) => createTemplate(ctx, welcome), { account: rival });

    await expect(
      as((ctx) => createTemplate(ctx, { ...welcome, name: "No subject", subject: "" })),
    ).rejects.toMatchObject({ errors: [{ code: "INVALID", field: "subject" }] });

    const edited = await as((ctx) =>
      updateTemplate(ctx, { id: t.id, version: 1, changes: { body: "Hello {{first_name}}." } }),
    );
    expect(edited).toMatchObject({ body: "Hello {{first_name}}.", version: 2 });
    await expect(
      as((ctx) => updateTemplate(ctx, { id: t.id, version: 1, changes: { name: "Lost" } })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT", field: "version" }] });
    // Dropping a variable the subject still uses is refused like an undeclared one.
    await expect(
      as((ctx) => updateTemplate(ctx, { id: t.id, version: 2, changes: { variables: [] } })),
    ).rejects.toMatchObject({ errors: [{ code: "UNKNOWN_VARIABLE", field: "subject" }] });
    await expect(
      as((ctx) => createTemplate(ctx, { ...welcome, name: "x" }), { role: "viewer" }),
    ).rejects.toMatchObject({ errors: [{ code: "FORBIDDEN" }] });
    const audit = await h.owner`select action from audit_logs where entity_id = ${t.id} order by created_at`;
    expect(audit.map((a) => a.action)).toEqual(["template.created", "template.updated"]);
  });

  it("archives, unarchives and deletes only archived templates no content was started from", async () => {
    const t = await as((ctx) => createTemplate(ctx, { ...welcome, name: "Seasonal" }));
    await expect(as((ctx) => deleteTemplate(ctx, { id: t.id, version: 1 }))).rejects.toMatchObject({
      errors: [{ code: "CONFLICT" }],
    });
    const archived = await as((ctx) => archiveTemplate(ctx, { id: t.id, version: 1 }));
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await expect(
      as((ctx) => updateTemplate(ctx, { id: t.id, version: 2, changes: { name: "Edited" } })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT", field: "id" }] });
    const back = await as((ctx) => unarchiveTemplate(ctx, { id: t.id, version: 2 }));
    expect(back).toMatchObject({ archivedAt: null, version: 3 });

    const used = await as((ctx) => createTemplate(ctx, { ...welcome, name: "Used" }));
    await h.owner`insert into content_items (id, account_id, type, title, template_id)
                values (${randomUUID()}, ${shop}, 'email', 'From template', ${used.id})`;
    await as((ctx) => archiveTemplate(ctx, { id: used.id, version: 1 }));
    await expect(as((ctx) => deleteTemplate(ctx, { id: used.id, version: 2 }))).rejects.toMatchObject({
      errors: [{ code: "CONFLICT" }],
    });

    await as((ctx) => archiveTemplate(ctx, { id: t.id, version: 3 }));
    await expect(as((ctx) => deleteTemplate(ctx, { id: t.id, version: 4 }))).resolves.toEqual({ id: t.id });
    const left = await h.owner`select count(*)::int as n from content_templates where id = ${t.id}`;
    expect(left[0]!.n).toBe(0);
  });

  it("keeps one tenant's templates out of another's reach", async () => {
    const t = await as((ctx) => createTemplate(ctx, { ...welcome, name: "Private" }));
    const attempts: ((ctx: OperationContext) => Promise<unknown>)[] = [
      (ctx: OperationContext) => updateTemplate(ctx, { id: t.id, version: 1, changes: { name: "Mine" } }),
      (ctx: OperationContext) => archiveTemplate(ctx, { id: t.id, version: 1 }),
      (ctx: OperationContext) => previewTemplate(ctx, { id: t.id, values: {} }),
    ];
    for (const attempt of attempts) {
      await expect(as(attempt, { account: rival })).rejects.toMatchObject({
        errors: [{ code: "NOT_FOUND" }],
      });
    }
  });
});

describe("previews", () => {
  it("escapes script and markup from the template and from values in the HTML", async () => {
    const preview = await as((ctx) =>
      previewTemplate(ctx, {
        draft: {
          subject: "Hi {{name}}",
          body: "<b>Dear</b> {{name}},\n\n<script>alert('template')</script>",
          variables: [{ name: "name", defaultValue: null }],
        },
        values: { name: `<script>alert("value")</script>` },
      }),
    );
    expect(preview.subject).toBe(`Hi <script>alert("value")</script>`);
    const oneLine = await as((ctx) =>
      previewTemplate(ctx, {
        draft: { subject: "Hi {{name}}", variables: [{ name: "name", defaultValue: null }] },
        values: { name: "Ada\r\nBcc: everyone@example.test" },
      }),
    );
    expect(oneLine.subject).toBe("Hi Ada Bcc: everyone@example.test");
    expect(preview.text).toContain(`<script>alert("value")</script>`);
    expect(preview.html).not.toContain("<script>");
    expect(preview.html).not.toContain("<b>");
    expect(preview.html).toBe(
      "<p>&lt;b&gt;Dear&lt;/b&gt; &lt;script&gt;alert(&quot;value&quot;)&lt;/script&gt;,</p>\n" +
        "<p>&lt;script&gt;alert(&#39;template&#39;)&lt;/script&gt;</p>",
    );
    expect(preview.errors).toEqual([]);
  });

  it("renders a saved template with defaults and reports each variable it cannot fill", async () => {
    const t = await as((ctx) => createTemplate(ctx, { ...welcome, name: "Preview me" }));
    const filled = await as((ctx) => previewTemplate(ctx, { id: t.id, values: { code: 42 } }));
    expect(filled).toMatchObject({
      subject: "Welcome, friend",
      text: "Hi friend,\n\nYour code is 42.",
      html: "<p>Hi friend,</p>\n<p>Your code is 42.</p>",
      unknownVariables: [],
      errors: [],
    });
    const missing = await as((ctx) => previewTemplate(ctx, { id: t.id, values: {} }));
    expect(missing.unknownVariables).toEqual(["code"]);
    expect(missing.errors).toEqual([
      { code: "UNKNOWN_VARIABLE", field: "values.code", message: expect.stringContaining("{{code}}") },
    ]);
    expect(missing.text).toBe("Hi friend,\n\nYour code is .");

    const draft = await as((ctx) =>
      previewTemplate(ctx, { draft: { body: "{{ a }} {{b}}", variables: [] }, values: { a: "1" } }),
    );
    expect(draft.unknownVariables).toEqual(["a", "b"]);
    expect(draft.errors.map((e) => [e.code, e.field])).toEqual([
      ["UNKNOWN_VARIABLE", "body"],
      ["UNKNOWN_VARIABLE", "body"],
    ]);
    await expect(as((ctx) => previewTemplate(ctx, { values: {} }))).rejects.toMatchObject({
      errors: [{ code: "INVALID", field: "id" }],
    });
  });
});
