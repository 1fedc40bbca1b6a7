import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { getCurrentUser } from "@/lib/auth/guard";
import { safeCallbackPath } from "@/lib/auth/guard-core";
import { getConfig } from "@/lib/config";
import { signInErrorMessage } from "./sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), "/", getConfig().NEXTAUTH_URL);
  const error = signInErrorMessage(first(params.error));
  if (!error && (await getCurrentUser())) redirect(callbackUrl);

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-6 flex items-center gap-2 text-lg font-semibold text-ink">
          <svg aria-hidden viewBox="0 0 24 24" className="h-7 w-7 text-brand-500" fill="none" stroke="currentColor" strokeWidth={2}>
            <circle cx="12" cy="12" r="3" />
            <circle cx="12" cy="12" r="7" strokeOpacity={0.6} />
            <circle cx="12" cy="12" r="10.5" strokeOpacity={0.3} />
          </svg>
          Radius
        </div>
        <h1 className="text-xl font-semibold text-ink">Sign in</h1>
        <p className="mt-1 mb-6 text-slate-600">
          Use your organisation&apos;s single sign-on. Your SSO groups decide what you can see.
        </p>
        {error ? (
          <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
            {error}
          </p>
        ) : null}
        <SignInButton callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
