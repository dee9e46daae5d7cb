"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { buttonClasses } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { AcceptInvitationMutation } from "./accept-invitation-operations";

const NewUserInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});
type NewUserInput = z.infer<typeof NewUserInput>;

/** Creates the invited person's user with the invitation's email, then signs them in. */
export function AcceptWithNewUser({ token }: { token: string }) {
  const router = useRouter();
  const form = useForm<NewUserInput>({
    resolver: zodResolver(NewUserInput),
    defaultValues: { name: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit(input: NewUserInput) {
    try {
      const { acceptInvitation: payload } = await requestGraphQL(
        AcceptInvitationMutation,
        { input: { token, ...input } },
        "anonymous",
      );
      const membership = payload.membership;
      if (payload.userErrors.length > 0 || !membership) {
        applyUserErrors(payload.userErrors, ["name", "password"], form.setError);
        return;
      }
      const signedIn = await signIn("credentials", {
        email: membership.user.email,
        password: input.password,
        redirect: false,
      });
      if (!signedIn || signedIn.error) {
        router.replace(`/login?callbackUrl=${encodeURIComponent(`/${membership.account.slug}`)}`);
        return;
      }
      router.replace(`/${membership.account.slug}`);
      router.refresh();
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not accept." });
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      aria-label="Create your user"
      className="mt-4 space-y-4"
    >
      <p className="text-sm text-zinc-600">
        Choose your name and a password to join. You will sign in with the email address the invitation was
        sent to.
      </p>
      <FormField id="invite-name" label="Your name" error={errors.name?.message}>
        <TextInput id="invite-name" autoComplete="name" invalid={!!errors.name} {...form.register("name")} />
      </FormField>
      <FormField
        id="invite-password"
        label="Password"
        hint="At least 10 characters."
        error={errors.password?.message}
      >
        <TextInput
          id="invite-password"
          type="password"
          autoComplete="new-password"
          invalid={!!errors.password}
          {...form.register("password")}
        />
      </FormField>
      <FieldError message={errors.root?.server?.message} />
      <button type="submit" className={`${buttonClasses()} w-full`} disabled={isSubmitting}>
        {isSubmitting ? "Joining…" : "Accept invitation"}
      </button>
      <p className="text-center text-sm text-zinc-500">
        Already have a user?{" "}
        <a
          className="text-accent-700 hover:underline"
          href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
        >
          Sign in first
        </a>
      </p>
    </form>
  );
}
