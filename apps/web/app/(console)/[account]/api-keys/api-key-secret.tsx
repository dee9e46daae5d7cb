"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClasses } from "@/components/ui/form-field";

/** Shows a new key's secret once; the API stores only its hash. */
export function ApiKeySecret({
  name,
  secret,
  onDismiss,
}: {
  name: string;
  secret: string;
  onDismiss: () => void;
}) {
  return (
    <section
      aria-label="New API key secret"
      className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <p role="status" className="font-medium text-amber-900">
        API key “{name}” created.
      </p>
      <p className="mt-1 text-amber-900">Copy the secret now and store it safely: it won't be shown again.</p>
      <div className="mt-3 flex items-center gap-2">
        <label htmlFor="api-key-secret" className="shrink-0 font-medium text-amber-900">
          Secret
        </label>
        <input
          id="api-key-secret"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClasses} font-mono text-xs`}
        />
        <CopyButton value={secret} />
      </div>
      <Button variant="secondary" size="sm" className="mt-3" onClick={onDismiss}>
        I've stored it
      </Button>
    </section>
  );
}
