// /admin/… - the platform admins' area. The API decides who is one (viewer.isPlatformAdmin); the
// session's flag only decides whether the console links here.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminViewerQuery } from "@/components/admin/admin-queries";
import { AdminShell } from "@/components/admin/admin-shell";
import { buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { currentUser } from "@/lib/auth/current-user";
import { serverGraphQL } from "@/lib/graphql/server-graphql";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Markettina" } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login?callbackUrl=%2Fadmin");

  let isPlatformAdmin = false;
  let failure: unknown;
  try {
    const { viewer } = await serverGraphQL(AdminViewerQuery, {}, { userId: user.id });
    isPlatformAdmin = viewer.isPlatformAdmin;
  } catch (error) {
    failure = error;
  }
  if (failure || !isPlatformAdmin) {
    return (
      <main className="mx-auto max-w-md px-4 py-24 text-center">
        {failure ? (
          <ErrorState error={failure} />
        ) : (
          <>
            <h1 className="text-lg font-semibold text-zinc-900">Platform admins only</h1>
            <p className="mt-2 text-sm text-zinc-500">
              This area edits settings for every account. Your user is not a platform admin.
            </p>
          </>
        )}
        <Link href="/" className={`${buttonClasses("secondary")} mt-6`}>
          Back to the console
        </Link>
      </main>
    );
  }
  return <AdminShell user={user}>{children}</AdminShell>;
}
