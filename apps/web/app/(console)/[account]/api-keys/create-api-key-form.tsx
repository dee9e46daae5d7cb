"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import {
  accountQueryKey,
  useAccountMutation,
  useAccountQuery,
  useAccountSlug,
} from "@/lib/graphql/use-graphql";
import { ApiKeySecret } from "./api-key-secret";
import { ApiScopesQuery, CreateApiKeyMutation } from "./api-keys-operations";

const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  scopes: z.array(z.string()).min(1, "Choose at least one scope."),
  expiresOn: z
    .string()
    .refine((day) => day === "" || endOfDay(day) > new Date(), "Choose a date in the future."),
});
type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

/** A key set to expire on a day stays valid until that day ends (in the browser's time zone). */
function endOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999`);
}

export function CreateApiKeyForm() {
  const accountSlug = useAccountSlug();
  const queryClient = useQueryClient();
  const scopes = useAccountQuery(ApiScopesQuery, {}, { staleTime: Number.POSITIVE_INFINITY });
  const createApiKey = useAccountMutation(CreateApiKeyMutation);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const form = useForm<CreateApiKeyInput>({
    resolver: zodResolver(CreateApiKeyInput),
    defaultValues: { name: "", scopes: [], expiresOn: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit({ name, scopes: chosen, expiresOn }: CreateApiKeyInput) {
    setCreated(null);
    try {
      const input = { name, scopes: chosen, expiresAt: expiresOn ? endOfDay(expiresOn).toISOString() : null };
      const { createApiKey: payload } = await createApiKey.mutateAsync({ input });
      if (payload.userErrors.length > 0) {
        applyUserErrors(payload.userErrors, ["name", "scopes"], form.setError);
        for (const error of payload.userErrors) {
          if (error.field?.endsWith("expiresAt")) form.setError("expiresOn", { message: error.message });
        }
        return;
      }
      if (payload.secret) setCreated({ name: payload.apiKey?.name ?? name, secret: payload.secret });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: accountQueryKey(accountSlug, "ApiKeys") });
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not create." });
    }
  }

  if (created) return <ApiKeySecret {...created} onDismiss={() => setCreated(null)} />;
  if (scopes.isPending) return <LoadingState label="Loading scopes…" />;
  if (scopes.isError) return <ErrorState error={scopes.error} onRetry={() => scopes.refetch()} />;

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label="Create API key" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <FormField id="api-key-name" label="Name" error={errors.name?.message}>
          <TextInput
            id="api-key-name"
            autoComplete="off"
            invalid={!!errors.name}
            {...form.register("name")}
          />
        </FormField>
        <FormField
          id="api-key-expires"
          label="Expires on (optional)"
          hint="Leave empty for a key that does not expire."
          error={errors.expiresOn?.message}
        >
          <TextInput
            id="api-key-expires"
            type="date"
            invalid={!!errors.expiresOn}
            {...form.register("expiresOn")}
          />
        </FormField>
      </div>
      <Controller
        control={form.control}
        name="scopes"
        render={({ field }) => (
          <fieldset aria-describedby={errors.scopes ? "api-key-scopes-error" : undefined}>
            <legend className="text-sm font-medium text-zinc-800">Scopes</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {scopes.data.apiScopes.map((scope) => (
                <label key={scope} className="flex items-center gap-2 text-sm text-zinc-700">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-zinc-300 accent-accent-600"
                    checked={field.value.includes(scope)}
                    onChange={(event) =>
                      field.onChange(
                        event.target.checked
                          ? [...field.value, scope]
                          : field.value.filter((chosen) => chosen !== scope),
                      )
                    }
                  />
                  <span className="font-mono text-xs">{scope}</span>
                </label>
              ))}
            </div>
            <FieldError id="api-key-scopes-error" message={errors.scopes?.message} />
          </fieldset>
        )}
      />
      <FieldError message={errors.root?.server?.message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create API key"}
      </Button>
    </form>
  );
}
