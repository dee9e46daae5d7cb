"use client";

import { type ChangeEvent, type FormEvent, useState } from "react";
import { Checkbox } from "@/components/filters/checkbox-group";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { TextArea } from "@/components/ui/text-area";
import { commaList } from "@/lib/forms/comma-list";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { CONTACT_QUERIES, ImportContactsMutation } from "../contacts-operations";
import type { ImportReport } from "./import-report";

/**
 * What one request may carry: the console's GraphQL endpoint takes bodies up to 1 MB, and the CSV
 * travels inside the JSON request. Bigger files are imported in parts (or through the API).
 */
const MAX_CSV_CHARS = 900_000;
const TOO_BIG = "This is more than 900 KB of CSV: split it and import the parts one after the other.";

const SAMPLE =
  "email,first_name,last_name,phone,time_zone,tags,plan\nada@example.com,Ada,Lovelace,,Europe/London,vip,pro";

/**
 * Picks a CSV file or takes pasted CSV, then sends it to importContacts. The first line names the
 * columns; known ones fill the contact's fields, any other column becomes an attribute.
 */
export function ImportContactsForm({ onImported }: { onImported: (report: ImportReport) => void }) {
  const importContacts = useAccountMutation(ImportContactsMutation);
  const refresh = useRefreshAccountQueries();
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [tags, setTags] = useState("");
  const [grantEmail, setGrantEmail] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    setFileError(null);
    const file = event.target.files?.[0];
    if (!file) return;
    const text = file.size > MAX_CSV_CHARS * 4 ? null : await file.text();
    if (text === null || text.length > MAX_CSV_CHARS) {
      setFileError(TOO_BIG);
      return;
    }
    setCsv(text);
    setFileName(file.name);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (csv.trim() === "") {
      setError("Pick a CSV file or paste its content.");
      return;
    }
    if (csv.length > MAX_CSV_CHARS) {
      setError(TOO_BIG);
      return;
    }
    try {
      const { importContacts: payload } = await importContacts.mutateAsync({
        input: {
          csv,
          tags: commaList(tags),
          consent: grantEmail ? "GRANTED" : null,
        },
      });
      if (payload.userErrors[0] || !payload.report) {
        setError(
          payload.userErrors.map((userError) => userError.message).join(" ") || "Nothing was imported.",
        );
        return;
      }
      onImported(payload.report);
      await refresh(CONTACT_QUERIES);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not import the contacts.");
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Import contacts" className="space-y-5 p-4">
      <div className="space-y-1.5">
        <label htmlFor="import-file" className="block text-sm font-medium text-zinc-800">
          CSV file
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={pickFile}
          aria-describedby="import-file-hint"
          className="block text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-200"
        />
        <p id="import-file-hint" className="text-xs text-zinc-500">
          {fileName ? `Loaded ${fileName}: its content is below.` : "Up to 900 KB, UTF-8, comma-separated."}
        </p>
        <FieldError message={fileError ?? undefined} />
      </div>
      <FormField
        id="import-csv"
        label="Or paste CSV"
        hint="The first line names the columns: email (required), phone, first_name, last_name, time_zone, tags (separated by ; or |), consent_email (granted or denied), external_id; any other column becomes an attribute."
      >
        <TextArea
          id="import-csv"
          rows={8}
          className="font-mono text-xs"
          placeholder={SAMPLE}
          value={csv}
          onChange={(event) => {
            setCsv(event.target.value);
            setFileName(null);
          }}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="import-tags" label="Tag every imported contact" hint="Comma-separated; optional.">
          <TextInput
            id="import-tags"
            autoComplete="off"
            value={tags}
            onChange={(event) => setTags(event.target.value)}
          />
        </FormField>
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-zinc-800">Consent</p>
          <Checkbox
            label="These people agreed to receive marketing email"
            checked={grantEmail}
            onChange={setGrantEmail}
          />
          <p className="text-xs text-zinc-500">
            Recorded with “import” as its source. Leave it off if unsure.
          </p>
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={importContacts.isPending}>
        {importContacts.isPending ? "Importing…" : "Import contacts"}
      </Button>
    </form>
  );
}
