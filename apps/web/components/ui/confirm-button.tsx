"use client";

import { Description, Dialog, DialogBackdrop, DialogPanel, DialogTitle } from "@headlessui/react";
import { type ReactNode, useState } from "react";
import { Button } from "./button";

type ConfirmButtonProps = {
  /** The trigger's text, e.g. "Remove". */
  label: string;
  /** Accessible name of the trigger when its text alone is ambiguous, e.g. "Remove Mia Member". */
  ariaLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  disabled?: boolean;
};

/** A destructive action behind a modal confirmation (focus trapped, Escape cancels). */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    try {
      await props.onConfirm();
      setOpen(false);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        variant="danger"
        size="sm"
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </Button>
      <Dialog
        open={open}
        onClose={() => (pending ? undefined : setOpen(false))}
        className="fixed inset-0 z-50"
      >
        <DialogBackdrop className="fixed inset-0 bg-zinc-900/40" />
        <div className="fixed inset-0 flex items-center justify-center p-4">
          <DialogPanel className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl">
            <DialogTitle className="text-base font-semibold text-zinc-900">{props.title}</DialogTitle>
            <Description as="div" className="mt-2 text-sm text-zinc-600">
              {props.description}
            </Description>
            <div className="mt-6 flex justify-end gap-3">
              {/* Focus starts on the safe choice, so Enter right after opening does not destroy anything. */}
              <Button variant="secondary" data-autofocus onClick={() => setOpen(false)} disabled={pending}>
                Cancel
              </Button>
              <Button variant="destructive" onClick={confirm} disabled={pending}>
                {pending ? "Working…" : props.confirmLabel}
              </Button>
            </div>
          </DialogPanel>
        </div>
      </Dialog>
    </>
  );
}
