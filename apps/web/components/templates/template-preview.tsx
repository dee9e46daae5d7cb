"use client";

// The live preview of a template being edited: sample values for its variables, the subject and
// text as they would be sent, and the HTML version the API renders. That HTML is escaped by the
// API and is still only ever shown inside a sandboxed iframe (no script, no same-origin access, a
// CSP that loads nothing): the template's text and the sample values never enter this page's DOM
// as markup. Variables that cannot be filled are listed, as the API reports them.
import { useMemo, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { FormField, TextInput } from "@/components/ui/form-field";
import { ErrorState } from "@/components/ui/states";
import { graphql } from "@/lib/graphql/graphql";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { VARIABLE_NAME, variablesIn } from "./template-variables";

export const TemplatePreviewQuery = graphql(`
  query TemplatePreview($draft: TemplateDraftInput!, $values: JSON) {
    previewTemplate(draft: $draft, values: $values) {
      preview {
        subject
        text
        html
        unknownVariables
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type PreviewVariable = { name: string; defaultValue: string | null };

type PreviewRequest = {
  draft: { subject: string; body: string; variables: PreviewVariable[] };
  values: Record<string, string>;
};

type TemplatePreviewProps = {
  isEmail: boolean;
  subject: string;
  body: string;
  /** The declared variables as typed so far (blank or malformed names are left out of the preview). */
  variables: readonly PreviewVariable[];
};

/** The iframe's whole document: the API's escaped HTML in a page that may load and run nothing. */
function previewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style>body{font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;color:#18181b;margin:12px}</style></head><body>${html}</body></html>`;
}

export function TemplatePreview({ isEmail, subject, body, variables }: TemplatePreviewProps) {
  const [samples, setSamples] = useState<Record<string, string>>({});
  const declared = dedupe(variables.filter((v) => VARIABLE_NAME.test(v.name)));
  const names = [...new Set([...variablesIn(isEmail ? subject : "", body), ...declared.map((v) => v.name)])];
  const values = Object.fromEntries(names.filter((n) => samples[n]).map((n) => [n, samples[n]!]));
  // Debounced as a string: an object would be a new value every render and never settle.
  const request = JSON.stringify({
    draft: { subject: isEmail ? subject : "", body, variables: declared },
    values,
  });
  const settledRequest = useDebouncedValue(request);
  const settled = useMemo(() => JSON.parse(settledRequest) as PreviewRequest, [settledRequest]);
  const query = useAccountQuery(TemplatePreviewQuery, settled, { placeholderData: (previous) => previous });
  const result = query.data?.previewTemplate;
  const preview = result?.preview;
  const problems = result?.userErrors ?? [];

  return (
    <aside aria-label="Template preview" className="space-y-4 border-zinc-200 p-4 lg:border-l">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        Preview with sample values
      </h3>
      {names.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-800">Sample values</legend>
          {names.map((name) => {
            const fallback = declared.find((v) => v.name === name)?.defaultValue;
            return (
              <FormField key={name} id={`sample-${name}`} label={name}>
                <TextInput
                  id={`sample-${name}`}
                  autoComplete="off"
                  placeholder={fallback ? `Default: ${fallback}` : "No default: give a value"}
                  value={samples[name] ?? ""}
                  onChange={(event) => setSamples((current) => ({ ...current, [name]: event.target.value }))}
                />
              </FormField>
            );
          })}
        </fieldset>
      ) : (
        <p className="text-sm text-zinc-500">The template uses no {"{{variables}}"} yet.</p>
      )}
      {query.isError && !result ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {problems.length > 0 ? (
        <div data-testid="unknown-variables" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">
            {preview?.unknownVariables.length
              ? `Cannot fill: ${preview.unknownVariables.map((n) => `{{${n}}}`).join(", ")}`
              : "The preview has problems"}
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview ? (
        <article aria-busy={query.isFetching || undefined} className="space-y-3">
          {isEmail ? (
            <p className="border-b border-zinc-100 pb-2 text-sm">
              <span className="text-zinc-500">Subject: </span>
              <span data-testid="template-preview-subject" className="font-medium text-zinc-900">
                {preview.subject || "(no subject)"}
              </span>
            </p>
          ) : null}
          <div>
            <p className="text-xs font-medium text-zinc-500">Text</p>
            <p
              data-testid="template-preview-text"
              className="mt-1 rounded-md border border-zinc-200 p-3 text-sm break-words whitespace-pre-wrap text-zinc-800"
            >
              {preview.text || <span className="text-zinc-400">Nothing written yet.</span>}
            </p>
          </div>
          <div>
            <p className="text-xs font-medium text-zinc-500">HTML</p>
            <iframe
              title="HTML preview"
              sandbox=""
              srcDoc={previewDocument(preview.html)}
              className="mt-1 h-56 w-full rounded-md border border-zinc-200 bg-white"
            />
          </div>
        </article>
      ) : null}
    </aside>
  );
}

/** The first declaration of each name: a name declared twice is the form's error, not the preview's. */
function dedupe(variables: readonly PreviewVariable[]): PreviewVariable[] {
  const seen = new Set<string>();
  return variables.filter((v) => !seen.has(v.name) && seen.add(v.name));
}
