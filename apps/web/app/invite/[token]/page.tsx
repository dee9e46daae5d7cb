// /invite/[token] - public: accept an invitation as the signed-in user, or create a user to accept it.
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/current-user";
import { AcceptAsSignedInUser } from "./accept-as-signed-in-user";
import { AcceptWithNewUser } from "./accept-with-new-user";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="mb-8 text-center text-lg font-semibold tracking-tight text-zinc-900">Markettina</p>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold text-zinc-900">You have been invited</h1>
          {user ? (
            <AcceptAsSignedInUser token={decodeURIComponent(token)} user={user} />
          ) : (
            <AcceptWithNewUser token={decodeURIComponent(token)} />
          )}
        </div>
      </div>
    </main>
  );
}
