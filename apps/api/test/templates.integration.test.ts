// Templates over HTTP: create with declared variables (undeclared ones refused, typed), edit with
// versions, archive, list by kind and search in constant statements, previews that escape script,
// and one tenant unable to see or change another's templates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const SAM = "sam.owner@bluebottle.test";
const OLIVIA = "olivia.owner@northwind.test";
const VICTOR = "victor.viewer@northwind.test";
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Template {
  id: string;
  name: string;
  kind: string;
  version: number;
  archivedAt: string | null;
}
interface UserError {
  field: string | null;
  code: string;
  message?: string;
}
const TEMPLATE = "id name kind version archivedAt";

const call = async <T>(
  query: string,
  variables: Record<string, unknown>,
  as: { user: string; account: string } = { user: SAM, account: "blue-bottle" },
) => (await h.gql<T>(query, { as: as.user, account: as.account, variables })).body;

const createTemplate = (kind: string, fields: Record<string, unknown>) =>
  call<{ createTemplate: { template: Template | null; userErrors: UserError[] } }>(
    `mutation($input: CreateTemplateInput!) {
      createTemplate(input: $input) { template { ${TEMPLATE} } userErrors { field code message } } }`,
    { input: { kind, fields } },
  );

const preview = (args: Record<string, unknown>, as?: { user: string; account: string }) =>
  call<{
    previewTemplate: {
      preview: { subject: string; text: string; html: string; unknownVariables: string[] } | null;
      userErrors: UserError[];
    };
  }>(
    `query($id: ID, $draft: TemplateDraftInput, $values: JSON) {
      previewTemplate(id: $id, draft: $draft, values: $values) {
        preview { subject text html unknownVariables } userErrors { field code message } } }`,
    args,
    as,
  );

const list = (filter: Record<string, unknown>) =>
  call<{ templates: { totalCount: number; nodes: { name: string; variables: { name: string }[] }[] } }>(
    `query($filter: TemplateFilter) {
      templates(first: 50, filter: $filter) { totalCount nodes { name variables { name defaultValue } createdBy { name } } } }`,
    { filter },
  );

const newsletter = {
  name: "Newsletter",
  description: "Monthly news",
  subject: "News for {{first_name}}",
  body: "Hello {{first_name}},\n\n{{news}}",
  variables: [{ name: "first_name", defaultValue: "friend" }, { name: "news" }],
};

describe("templates over GraphQL", () => {
  it("refuses undeclared variables with a typed UNKNOWN_VARIABLE naming each, then edits by version", async () => {
    const refused = await createTemplate("EMAIL", {
      ...newsletter,
      body: "Hi {{frist_name}} {{news}} {{promo}}",
    });
    expect(refused.data!.createTemplate.template).toBeNull();
    expect(refused.data!.createTemplate.userErrors.map((e) => [e.field, e.code])).toEqual([
      ["body", "UNKNOWN_VARIABLE"],
      ["body", "UNKNOWN_VARIABLE"],
    ]);
    expect(refused.data!.createTemplate.userErrors.map((e) => e.message).join(" ")).toMatch(
      /\{\{frist_name\}\}.*\{\{promo\}\}/,
    );

    const created = (await createTemplate("EMAIL", newsletter)).data!.createTemplate;
    expect(created).toMatchObject({
      template: { name: "Newsletter", kind: "EMAIL", version: 1 },
      userErrors: [],
    });
    const again = await createTemplate("EMAIL", newsletter);
    expect(again.data!.createTemplate.userErrors).toMatchObject([{ field: "name", code: "TAKEN" }]);

    const update = (version: number, changes: Record<string, unknown>) =>
      call<{ updateTemplate: { template: Template | null; userErrors: UserError[] } }>(
        `mutation($input: UpdateTemplateInput!) {
          updateTemplate(input: $input) { template { ${TEMPLATE} body } userErrors { field code } } }`,
        { input: { id: created.template!.id, version, changes } },
      );
    const edited = await update(1, { body: "Hello {{first_name}}!" });
    expect(edited.data!.updateTemplate.template).toMatchObject({ version: 2, body: "Hello {{first_name}}!" });
    expect((await update(1, { name: "Stale" })).data!.updateTemplate.userErrors).toEqual([
      { field: "version", code: "CONFLICT" },
    ]);
    expect((await update(2, { body: "Hi {{nickname}}" })).data!.updateTemplate.userErrors).toEqual([
      { field: "body", code: "UNKNOWN_VARIABLE" },
    ]);

    const archived = await call<{ archiveTemplate: { template: Template } }>(
      `mutation($input: ArchiveTemplateInput!) { archiveTemplate(input: $input) { template { ${TEMPLATE} } } }`,
      { input: { id: created.template!.id, version: 2 } },
    );
    expect(archived.data!.archiveTemplate.template.archivedAt).not.toBeNull();
    expect((await list({ search: "newsletter" })).data!.templates.totalCount).toBe(0);
    expect((await list({ archived: true })).data!.templates.nodes.map((n) => n.name)).toEqual(["Newsletter"]);
    const deleted = await call<{ deleteTemplate: { deletedTemplateId: string; userErrors: UserError[] } }>(
      `mutation($input: DeleteTemplateInput!) { deleteTemplate(input: $input) { deletedTemplateId userErrors { code } } }`,
      { input: { id: created.template!.id, version: 3 } },
    );
    expect(deleted.data!.deleteTemplate).toEqual({ deletedTemplateId: created.template!.id, userErrors: [] });
    expect((await createTemplate("EMAIL", newsletter)).data!.createTemplate.userErrors).toEqual([]);
  });

  it("lists by kind and search, in the same number of statements however many there are", async () => {
    for (const name of ["Promo post", "Launch post"]) {
      await createTemplate("CONTENT", {
        name,
        body: "{{product}} is here",
        variables: [{ name: "product" }],
      });
    }
    await createTemplate("EMAIL", { name: "Promo mail", subject: "Promo", body: "" });
    const contents = await list({ kind: "CONTENT" });
    expect(contents.data!.templates.nodes.map((n) => n.name)).toEqual(["Launch post", "Promo post"]);
    expect((await list({ search: "promo" })).data!.templates.totalCount).toBe(2);

    h.counter.reset();
    await list({});
    const statements = h.counter.count;
    await createTemplate("CONTENT", { name: "Another post", body: "x" });
    h.counter.reset();
    await list({});
    expect(h.counter.count).toBe(statements);
  });

  it("previews with values escaped and reports variables it cannot fill as typed errors", async () => {
    const t = (
      await createTemplate("EMAIL", {
        name: "Escaping",
        subject: "For {{name}}",
        body: "<b>Dear</b> {{name}},\n\n<script>alert('template')</script>\n\n{{code}}",
        variables: [{ name: "name" }, { name: "code", defaultValue: "none" }],
      })
    ).data!.createTemplate.template!;
    const shown = (await preview({ id: t.id, values: { name: "<script>alert(1)</script>" } })).data!
      .previewTemplate;
    expect(shown.userErrors).toEqual([]);
    expect(shown.preview!.subject).toBe("For <script>alert(1)</script>");
    expect(shown.preview!.html).not.toMatch(/<script|<b>/);
    expect(shown.preview!.html).toBe(
      "<p>&lt;b&gt;Dear&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;,</p>\n" +
        "<p>&lt;script&gt;alert(&#39;template&#39;)&lt;/script&gt;</p>\n<p>none</p>",
    );

    const missing = (await preview({ id: t.id })).data!.previewTemplate;
    expect(missing.preview!.unknownVariables).toEqual(["name"]);
    expect(missing.userErrors).toMatchObject([{ field: "values.name", code: "UNKNOWN_VARIABLE" }]);

    const draft = (
      await preview({ draft: { body: "Hi {{who}}", variables: [] }, values: { who: "<i>you</i>" } })
    ).data!.previewTemplate;
    expect(draft.preview!.html).toBe("<p>Hi &lt;i&gt;you&lt;/i&gt;</p>");
    expect(draft.userErrors).toMatchObject([{ field: "body", code: "UNKNOWN_VARIABLE" }]);
  });

  it("keeps one tenant's templates out of another's reach, and viewers read-only", async () => {
    const t = (await createTemplate("CONTENT", { name: "Secret recipe", body: "flour" })).data!.createTemplate
      .template!;
    const olivia = { user: OLIVIA, account: "northwind" };
    const node = await call<{ node: unknown; template: unknown }>(
      `query($id: ID!) { node(id: $id) { id } template(id: $id) { id } }`,
      { id: t.id },
      olivia,
    );
    expect(node.data).toEqual({ node: null, template: null });
    const stolen = await call<{ updateTemplate: { userErrors: UserError[] } }>(
      `mutation($input: UpdateTemplateInput!) { updateTemplate(input: $input) { userErrors { code } } }`,
      { input: { id: t.id, version: 1, changes: { name: "Mine" } } },
      olivia,
    );
    expect(stolen.data!.updateTemplate.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    expect((await preview({ id: t.id }, olivia)).data!.previewTemplate).toMatchObject({
      preview: null,
      userErrors: [{ code: "NOT_FOUND" }],
    });
    const own = await call<{ template: { name: string } }>(`query($id: ID!) { template(id: $id) { name } }`, {
      id: t.id,
    });
    expect(own.data!.template.name).toBe("Secret recipe");

    const viewer = { user: VICTOR, account: "acme-outdoor" };
    const refused = await call<{ createTemplate: { userErrors: UserError[] } }>(
      `mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { userErrors { code } } }`,
      { input: { kind: "CONTENT", fields: { name: "Nope" } } },
      viewer,
    );
    expect(refused.data!.createTemplate.userErrors).toEqual([{ code: "FORBIDDEN" }]);
  });
});
