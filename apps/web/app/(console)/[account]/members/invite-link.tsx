"use client";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClasses } from "@/components/ui/form-field";

/** The one-time invitation link, shown right after inviting (the API never returns it again). */
export function InviteLink({ email, url, onDismiss }: { email: string; url: string; onDismiss: () => void }) {
  return (
    <section
      aria-label="New invitation"
      className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900"
    >
      <p role="status" className="font-medium">
        Invitation created for {email}.
      </p>
      {url ? (
        <>
          <p className="mt-1">Send them this link. It is shown only once.</p>
          <div className="mt-3 flex items-center gap-2">
            <label htmlFor="invite-link" className="sr-only">
              Invitation link
            </label>
            <input
              id="invite-link"
              readOnly
              value={url}
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClasses} font-mono text-xs`}
            />
            <CopyButton value={url} />
          </div>
        </>
      ) : null}
      <Button variant="ghost" size="sm" className="mt-3" onClick={onDismiss}>
        Done
      </Button>
    </section>
  );
}
