// "/" - sends a signed-in user to their first account (agency first), as listed by the API; a
// platform admin without memberships goes to the admin area (which asks the API again).
import { redirect } from "next/navigation";
import { SwitcherAccountsQuery } from "@/components/console/console-queries";
import { SignOutButton } from "@/components/console/sign-out-button";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { currentUser } from "@/lib/auth/current-user";
import { serverGraphQL } from "@/lib/graphql/server-graphql";
import { orderAccountsForSwitcher } from "@/lib/identity/order-accounts";

export default async function HomePage() {
  const user = await currentUser();
  if (!user) redirect("/login");

  let firstSlug: string | undefined;
  let failure: unknown;
  try {
    const { accounts } = await serverGraphQL(SwitcherAccountsQuery, {}, { userId: user.id });
    firstSlug = orderAccountsForSwitcher(accounts)[0]?.account.slug;
  } catch (error) {
    failure = error;
  }
  if (firstSlug) redirect(`/${firstSlug}`);
  if (!failure && user.isPlatformAdmin) redirect("/admin");

  return (
    <main className="mx-auto max-w-lg px-4 py-24">
      <h1 className="mb-4 text-lg font-semibold text-zinc-900">Welcome, {user.name || user.email}</h1>
      <div className="rounded-lg border border-zinc-200 bg-white">
        {failure ? (
          <ErrorState error={failure} />
        ) : (
          <EmptyState title="You are not a member of any account yet">
            Ask an account owner to invite you, then open the link from the invitation.
          </EmptyState>
        )}
      </div>
      <div className="mt-4">
        <SignOutButton />
      </div>
    </main>
  );
}
