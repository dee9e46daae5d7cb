"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { accountQueryKey, useAccountMutation, useAccountSlug } from "@/lib/graphql/use-graphql";
import { MEMBERSHIP_ROLES, ROLE_LABELS } from "@/lib/identity/roles";
import { InviteLink } from "./invite-link";
import { InviteMemberMutation } from "./members-operations";

const InviteMemberInput = z.object({
  email: z.string().trim().email("Enter a valid email address."),
  role: z.enum(MEMBERSHIP_ROLES),
});
type InviteMemberInput = z.infer<typeof InviteMemberInput>;

type SentInvitation = { email: string; url: string };

export function InviteMemberForm() {
  const accountSlug = useAccountSlug();
  const queryClient = useQueryClient();
  const inviteMember = useAccountMutation(InviteMemberMutation);
  const [sent, setSent] = useState<SentInvitation | null>(null);
  const form = useForm<InviteMemberInput>({
    resolver: zodResolver(InviteMemberInput),
    defaultValues: { email: "", role: "MEMBER" },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit(input: InviteMemberInput) {
    setSent(null);
    try {
      const { inviteMember: payload } = await inviteMember.mutateAsync({ input });
      if (payload.userErrors.length > 0) {
        applyUserErrors(payload.userErrors, ["email", "role"], form.setError);
        return;
      }
      // The token is in the path and is shown only now: make it a link the invitee can open.
      const url = payload.inviteUrlPath
        ? new URL(payload.inviteUrlPath, window.location.origin).toString()
        : "";
      setSent({ email: payload.invitation?.email ?? input.email, url });
      form.reset({ email: "", role: input.role });
      await queryClient.invalidateQueries({ queryKey: accountQueryKey(accountSlug, "PendingInvitations") });
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not invite." });
    }
  }

  return (
    <div className="space-y-4 p-4">
      <form onSubmit={form.handleSubmit(submit)} noValidate aria-label="Invite member" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <FormField id="invite-email" label="Email" error={errors.email?.message}>
            <TextInput
              id="invite-email"
              type="email"
              autoComplete="off"
              invalid={!!errors.email}
              {...form.register("email")}
            />
          </FormField>
          <FormField id="invite-role" label="Role" error={errors.role?.message}>
            <SelectInput id="invite-role" invalid={!!errors.role} {...form.register("role")}>
              {MEMBERSHIP_ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </div>
        <FieldError message={errors.root?.server?.message} />
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Inviting…" : "Send invitation"}
        </Button>
      </form>
      {sent ? <InviteLink email={sent.email} url={sent.url} onDismiss={() => setSent(null)} /> : null}
    </div>
  );
}
