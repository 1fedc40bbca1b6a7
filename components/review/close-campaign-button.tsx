"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** Closes the campaign after a confirmation (pending decisions stay pending in the report). */
export function CloseCampaignButton({ pending, action }: { pending: number; action: () => Promise<{ ok: true } | { ok: false; error: string }> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  function onClick() {
    const question = pending > 0 ? `${pending} decision(s) are still pending and will stay undecided. Close the campaign?` : "Close the campaign? Decisions cannot change afterwards.";
    if (!window.confirm(question)) return;
    startTransition(async () => {
      const result = await action();
      if (result.ok) router.refresh();
      else setError(result.error);
    });
  }
  return (
    <span className="flex items-center gap-2">
      <button type="button" onClick={onClick} disabled={busy} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">
        Close campaign
      </button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
