import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/console/console-shell";
import { currentUser } from "@/lib/auth/current-user";

export default async function AccountLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ account: string }>;
}) {
  const { account } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/${account}`)}`);
  return (
    <ConsoleShell accountSlug={decodeURIComponent(account)} user={user}>
      {children}
    </ConsoleShell>
  );
}
