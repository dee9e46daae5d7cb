"use client";

import { type DragEvent, useState } from "react";
import { ACCEPTED_TYPES } from "./media-files";
import { type UploadOutcome, uploadMediaFile } from "./upload-media";

type UploadRow = { key: string; fileName: string; state: "uploading" } | (UploadOutcome & { key: string });

/**
 * Upload by choosing files or dropping them here. Files go up one at a time; each gets a line
 * saying it arrived or why it was refused (type not accepted, too large), and `onUploaded` runs
 * after each batch so the library shows what arrived.
 */
export function UploadZone({ accountSlug, onUploaded }: { accountSlug: string; onUploaded: () => void }) {
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [dragging, setDragging] = useState(false);

  async function upload(files: File[]) {
    if (files.length === 0) return;
    const batch = files.map((file, index) => ({ file, key: `${Date.now()}-${index}-${file.name}` }));
    setRows((current) => [
      ...batch.map(({ file, key }) => ({ key, fileName: file.name, state: "uploading" as const })),
      ...current,
    ]);
    for (const { file, key } of batch) {
      const outcome = await uploadMediaFile(accountSlug, file);
      setRows((current) => current.map((row) => (row.key === key ? { ...outcome, key } : row)));
    }
    onUploaded();
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void upload([...event.dataTransfer.files]);
  }

  return (
    <section aria-label="Upload media" className="border-b border-zinc-200 p-4">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside is the accessible way to upload */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-6 text-center text-sm ${
          dragging ? "border-accent-600 bg-accent-50" : "border-zinc-300 text-zinc-600"
        }`}
      >
        <p>Drop files here, or</p>
        <label
          htmlFor="media-upload"
          className="inline-flex cursor-pointer items-center rounded-md bg-white px-3.5 py-2 text-sm font-medium text-zinc-800 shadow-sm ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 has-focus-visible:ring-2 has-focus-visible:ring-accent-600"
        >
          Upload files
          <input
            id="media-upload"
            type="file"
            multiple
            accept={ACCEPTED_TYPES.join(",")}
            className="sr-only"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = "";
              void upload(files);
            }}
          />
        </label>
        <p className="text-xs text-zinc-500">PNG, JPEG, GIF, WebP, PDF or MP4, up to 20 MB each.</p>
      </div>
      {rows.length > 0 ? (
        <ul aria-label="Uploads" className="mt-3 space-y-1 text-sm">
          {rows.map((row) => (
            <li key={row.key} aria-label={row.fileName} className="flex flex-wrap gap-x-2">
              <span className="font-medium text-zinc-800">{row.fileName}</span>
              {"state" in row ? (
                <span className="text-zinc-500">Uploading…</span>
              ) : row.ok ? (
                <span className="text-emerald-700">Uploaded</span>
              ) : (
                <span role="alert" className="text-red-700">
                  Refused — {row.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
