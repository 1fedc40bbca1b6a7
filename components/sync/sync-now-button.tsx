"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

type Result = { ok: true; started: boolean } | { ok: false; error: { message: string } };

/** Starts a sync (the server action is passed in by the page) and says what happened. */
export function SyncNowButton({ action, disabled = false }: { action: () => Promise<Result>; disabled?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        data-testid="sync-now"
        disabled={pending || disabled}
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            if (!result.ok) setMessage(result.error.message);
            else setMessage(result.started ? "Sync started." : "A sync is already running.");
            router.refresh();
          })
        }
        className="rounded-md bg-slate-900 px-3 py-1.5 text-xs font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {pending ? "Starting…" : "Sync now"}
      </button>
      {message ? (
        <span role="status" className="text-xs text-slate-600">
          {message}
        </span>
      ) : null}
    </div>
  );
}
