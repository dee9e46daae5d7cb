"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SWITCHER_ACCOUNTS_KEY } from "@/components/console/console-queries";
import { SignOutButton } from "@/components/console/sign-out-button";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { AcceptInvitationMutation } from "./accept-invitation-operations";

type SignedInUser = { name: string; email: string };

export function AcceptAsSignedInUser({ token, user }: { token: string; user: SignedInUser }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const accept = useMutation({
    mutationFn: () => requestGraphQL(AcceptInvitationMutation, { input: { token } }, "viewer"),
  });

  async function acceptInvitation() {
    setError(undefined);
    try {
      const { acceptInvitation: payload } = await accept.mutateAsync();
      const account = payload.membership?.account;
      if (payload.userErrors[0] || !account) {
        setError(payload.userErrors[0]?.message ?? "The invitation could not be accepted.");
        return;
      }
      await queryClient.invalidateQueries({ queryKey: SWITCHER_ACCOUNTS_KEY });
      router.replace(`/${account.slug}`);
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The invitation could not be accepted.");
    }
  }

  return (
    <div className="mt-4 space-y-4 text-sm text-zinc-700">
      <p>
        You are signed in as <strong>{user.name || user.email}</strong> ({user.email}). Accept to join the
        account that invited you.
      </p>
      <FieldError message={error} />
      <div className="flex items-center gap-3">
        <Button onClick={acceptInvitation} disabled={accept.isPending}>
          {accept.isPending ? "Accepting…" : "Accept invitation"}
        </Button>
        <SignOutButton label="Use another account" />
      </div>
    </div>
  );
}
