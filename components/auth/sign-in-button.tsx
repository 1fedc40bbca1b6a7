"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts the OIDC sign-in; the server page passes an already-validated relative callbackUrl. */
export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        signIn("oidc", { callbackUrl }).catch(() => setPending(false));
      }}
      className="w-full rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
    >
      {pending ? "Redirecting to SSO…" : "Sign in with SSO"}
    </button>
  );
}
