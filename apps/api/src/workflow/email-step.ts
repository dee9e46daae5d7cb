// The send_email step's port: the e-mail provider marketing messages go out through (SMTP with
// SMTP_URL, messaging/email-provider.ts; the log provider otherwise), so there is one SMTP set-up.
// The Message-ID is made from the step's idempotency key (`<instance>:<step>`), the same on every
// attempt: a resend after a crash between the server's acceptance and the step's commit is
// recognisably the same message to receivers and mail clients.
import { createHash } from "node:crypto";
import { type MessageProvider, MessageSendError, type StepOutcome, type StepRun } from "@markettina/domain";

/** The message id (left of the @ in the Message-ID): only characters a Message-ID allows. */
export const workflowMessageId = (idempotencyKey: string) =>
  `workflow.${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}`;

export function emailStep(provider: MessageProvider): (run: StepRun) => Promise<StepOutcome> {
  return async (run) => {
    const p = run.parameters as { to: string; subject: string; text: string };
    try {
      const sent = await provider.send({
        id: workflowMessageId(run.idempotencyKey),
        accountId: run.accountId,
        contactId: "",
        channel: "email",
        payload: { to: p.to, subject: p.subject, text: p.text },
        attempt: run.attempt,
      });
      return { status: "completed", output: { to: p.to, messageId: sent.providerMessageId } };
    } catch (error) {
      return {
        status: "failed",
        error: { message: (error as Error).message, code: "SMTP" },
        // A refused mailbox cannot be helped by another attempt; anything else can.
        retryable: !(error instanceof MessageSendError) || error.retryable,
      };
    }
  };
}
