import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-lg font-semibold text-zinc-900">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-500">The page you asked for does not exist.</p>
      <Link href="/" className={`${buttonClasses("secondary")} mt-6`}>
        Back to the console
      </Link>
    </main>
  );
}
