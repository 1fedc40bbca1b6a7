import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireUser } from "@/lib/auth/guard";
import { DEFAULT_ROLE_MAPPING } from "@/lib/config-schema";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "No access" };

/** Where the page guard sends a signed-in user whose roles do not allow the page. */
export default async function ForbiddenPage() {
  const user = await requireUser({ returnTo: "/" });
  const noRole = user.roles.length === 0;
  const groups = Object.values(getConfig().ROLE_MAPPING ?? DEFAULT_ROLE_MAPPING).flat();

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div data-testid={noRole ? "no-access" : "forbidden"} className="w-full max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">403</p>
        <h1 className="mt-1 text-xl font-semibold text-ink">{noRole ? "No access to Radius" : "You do not have access to this page"}</h1>
        {noRole ? (
          <p className="mt-2 text-slate-600">
            You are signed in as <strong>{user.email}</strong>, but your account is not in any Radius group. Ask your
            identity administrator to add you to one of: {groups.map((g, i) => (
              <span key={g}>
                {i > 0 ? ", " : ""}
                <code className="font-mono text-slate-800">{g}</code>
              </span>
            ))}
            .
          </p>
        ) : (
          <p className="mt-2 text-slate-600">
            You are signed in as <strong>{user.email}</strong> with the role {user.roles.join(", ")}, which does not
            allow this page.
          </p>
        )}
        <div className="mt-6 flex items-center gap-4">
          {noRole ? null : (
            <Link href="/" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
              Back to the dashboard
            </Link>
          )}
          <SignOutButton variant="light" />
        </div>
      </div>
    </main>
  );
}
