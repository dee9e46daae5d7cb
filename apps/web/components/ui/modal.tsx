"use client";

import { Description, Dialog, DialogBackdrop, DialogPanel, DialogTitle } from "@headlessui/react";
import type { ReactNode } from "react";

type ModalProps = {
  open: boolean;
  /** Called on Escape or a click outside; pass a no-op while a submission is in flight. */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
};

/** A modal dialog for a form (focus trapped, Escape closes); its title names it for assistive tech. */
export function Modal({ open, onClose, title, description, children }: ModalProps) {
  return (
    <Dialog open={open} onClose={onClose} className="fixed inset-0 z-50">
      <DialogBackdrop className="fixed inset-0 bg-zinc-900/40" />
      <div className="fixed inset-0 flex items-center justify-center overflow-y-auto p-4">
        <DialogPanel className="w-full max-w-lg rounded-lg bg-white p-6 shadow-xl">
          <DialogTitle className="text-base font-semibold text-zinc-900">{title}</DialogTitle>
          {description ? (
            <Description as="div" className="mt-1 text-sm text-zinc-600">
              {description}
            </Description>
          ) : null}
          <div className="mt-4">{children}</div>
        </DialogPanel>
      </div>
    </Dialog>
  );
}
