"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClasses } from "@/components/ui/form-field";

export type ShownSecret = { connectorName: string; secret: string; reason: "created" | "rotated" };

const VERIFY_EXAMPLE = `const expected = "v1=" + createHmac("sha256", secret)
  .update(timestamp + "." + rawBody).digest("hex");`;

/** A webhook's signing secret, shown once: the API keeps it only to sign deliveries and never
 * returns it again (a lost secret is replaced by rotating it). */
export function SigningSecretNotice({ shown, onDismiss }: { shown: ShownSecret; onDismiss: () => void }) {
  return (
    <section
      aria-label="Webhook signing secret"
      className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
    >
      <p role="status" className="font-medium">
        {shown.reason === "created"
          ? `Webhook “${shown.connectorName}” created.`
          : `New signing secret for “${shown.connectorName}”. The old one no longer signs deliveries.`}
      </p>
      <p className="mt-1">
        Copy the signing secret now and give it to the receiver: it won't be shown again.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <label htmlFor="connector-signing-secret" className="shrink-0 font-medium">
          Signing secret
        </label>
        <input
          id="connector-signing-secret"
          readOnly
          value={shown.secret}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClasses} font-mono text-xs`}
        />
        <CopyButton value={shown.secret} />
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer font-medium">How the receiver verifies a delivery</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            <code className="font-mono text-xs">X-Markettina-Timestamp</code>: when it was sent, in Unix
            seconds. Refuse deliveries more than a few minutes old, so a recorded one cannot be replayed.
          </li>
          <li>
            <code className="font-mono text-xs">X-Markettina-Signature</code>:{" "}
            <code className="font-mono text-xs">v1=HMAC-SHA256(secret, timestamp + "." + body)</code> in hex,
            over the raw request body. Compute the same and compare in constant time.
          </li>
          <li>
            <code className="font-mono text-xs">Idempotency-Key</code>: the same on every retry of a post.
            Ignore a key you have already handled, so a retried delivery is not published twice.
          </li>
        </ul>
        <pre className="mt-2 overflow-x-auto rounded bg-white/70 p-2 font-mono text-xs">{VERIFY_EXAMPLE}</pre>
      </details>
      <Button variant="secondary" size="sm" className="mt-3" onClick={onDismiss}>
        I've stored it
      </Button>
    </section>
  );
}
