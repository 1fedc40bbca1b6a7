"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

const VARIANTS = {
  dark: "text-slate-300 hover:text-white",
  light: "text-slate-600 hover:text-slate-900",
} as const;

/** Ends the Radius session (not the identity provider's) and returns to the sign-in page. */
export function SignOutButton({ variant = "dark" }: { variant?: keyof typeof VARIANTS }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        signOut({ callbackUrl: "/signin" }).catch(() => setPending(false));
      }}
      className={`text-xs font-medium underline-offset-2 hover:underline disabled:opacity-60 ${VARIANTS[variant]}`}
    >
      Sign out
    </button>
  );
}
