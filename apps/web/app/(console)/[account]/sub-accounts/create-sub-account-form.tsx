"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SWITCHER_ACCOUNTS_KEY } from "@/components/console/console-queries";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { accountQueryKey, useAccountMutation, useAccountSlug } from "@/lib/graphql/use-graphql";
import { SLUG_PATTERN, slugify } from "@/lib/identity/slugify";
import { CreateSubAccountMutation } from "./sub-accounts-operations";

const CreateSubAccountInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  slug: z
    .string()
    .trim()
    .max(48, "Use at most 48 characters.")
    .regex(SLUG_PATTERN, "Use 1–48 lowercase letters, digits or dashes."),
});
type CreateSubAccountInput = z.infer<typeof CreateSubAccountInput>;

export function CreateSubAccountForm() {
  const accountSlug = useAccountSlug();
  const queryClient = useQueryClient();
  const createSubAccount = useAccountMutation(CreateSubAccountMutation);
  const [slugEdited, setSlugEdited] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<CreateSubAccountInput>({
    resolver: zodResolver(CreateSubAccountInput),
    defaultValues: { name: "", slug: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit(input: CreateSubAccountInput) {
    setCreated(null);
    try {
      const { createSubAccount: payload } = await createSubAccount.mutateAsync({ input });
      if (payload.userErrors.length > 0) {
        applyUserErrors(payload.userErrors, ["name", "slug"], form.setError);
        return;
      }
      setCreated(payload.account?.name ?? input.name);
      form.reset();
      setSlugEdited(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: accountQueryKey(accountSlug, "SubAccounts") }),
        queryClient.invalidateQueries({ queryKey: accountQueryKey(accountSlug, "SubAccountWallets") }),
        queryClient.invalidateQueries({ queryKey: accountQueryKey(accountSlug, "AccountOverview") }),
        queryClient.invalidateQueries({ queryKey: SWITCHER_ACCOUNTS_KEY }),
      ]);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not create." });
    }
  }

  const name = form.register("name", {
    onChange: (event: { target: { value: string } }) => {
      if (!slugEdited) form.setValue("slug", slugify(event.target.value));
    },
  });
  const slug = form.register("slug", { onChange: () => setSlugEdited(true) });

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      className="space-y-4 p-4"
      aria-label="Create sub-account"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="sub-account-name" label="Name" error={errors.name?.message}>
          <TextInput id="sub-account-name" autoComplete="off" invalid={!!errors.name} {...name} />
        </FormField>
        <FormField
          id="sub-account-slug"
          label="Slug"
          hint="Used in the URL; derived from the name until you edit it."
          error={errors.slug?.message}
        >
          <TextInput id="sub-account-slug" autoComplete="off" invalid={!!errors.slug} {...slug} />
        </FormField>
      </div>
      <FieldError message={errors.root?.server?.message} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create sub-account"}
        </Button>
        {created ? (
          <p role="status" className="text-sm text-emerald-700">
            Created {created}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
