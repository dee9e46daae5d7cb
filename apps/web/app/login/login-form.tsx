"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";

/** next-auth reports a failed authorize() as "CredentialsSignin" unless the API gave its own message. */
function loginErrorMessage(error: string): string {
  return error === "CredentialsSignin" ? "Invalid email or password." : error;
}

export function LoginForm({ callbackUrl }: { callbackUrl: Route }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setError(loginErrorMessage(result?.error ?? "Sign-in failed."));
      setPending(false);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" aria-label="Sign in">
      <FormField id="login-email" label="Email">
        <TextInput id="login-email" name="email" type="email" autoComplete="username" required autoFocus />
      </FormField>
      <FormField id="login-password" label="Password">
        <TextInput
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </FormField>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
