"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { TextArea } from "@/components/ui/text-area";

type CommentDialogProps = {
  /** The trigger's text, e.g. "Reject". */
  label: string;
  variant?: "primary" | "secondary" | "danger";
  disabled?: boolean;
  title: string;
  description: string;
  fieldLabel: string;
  /** A rejection must say what to change. */
  required?: boolean;
  confirmLabel: string;
  /** Answers an error message to show in the dialog, or null when done. */
  onConfirm: (comment: string) => Promise<string | null>;
};

/** A button opening a dialog with one comment box: request a review, approve, reject. */
export function CommentDialog(props: CommentDialogProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = `comment-${props.label.toLowerCase().replaceAll(" ", "-")}`;

  function show() {
    setComment("");
    setError(null);
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (props.required && comment.trim() === "") {
      setError("Say what to change: a rejection needs a comment.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const problem = await props.onConfirm(comment.trim());
      if (problem) setError(problem);
      else setOpen(false);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button variant={props.variant ?? "secondary"} size="sm" disabled={props.disabled} onClick={show}>
        {props.label}
      </Button>
      <Modal
        open={open}
        onClose={() => (pending ? undefined : setOpen(false))}
        title={props.title}
        description={props.description}
      >
        <form onSubmit={submit} noValidate aria-label={props.title} className="space-y-4">
          <FormField id={id} label={props.fieldLabel} error={error ?? undefined}>
            <TextArea
              id={id}
              rows={3}
              required={props.required}
              invalid={!!error}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </FormField>
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={props.variant === "danger" ? "destructive" : "primary"}
              disabled={pending}
            >
              {pending ? "Working…" : props.confirmLabel}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
