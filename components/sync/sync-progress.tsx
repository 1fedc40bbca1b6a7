"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { syncStatusSchema, type SyncStatusView } from "@/lib/sync/schemas";
import { formatProgress, formatTime } from "./format";

const POLL_MS = 2_000;

async function fetchStatus(): Promise<SyncStatusView> {
  const response = await fetch("/api/sync/status", { cache: "no-store" });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return syncStatusSchema.parse(await response.json());
}

/**
 * Live state of the sync: polls while one runs, and refreshes the server-rendered panel (runs,
 * problems) when it finishes.
 */
export function SyncProgress({ initial }: { initial: SyncStatusView }) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ["sync-status"],
    queryFn: fetchStatus,
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.running ? POLL_MS : false),
  });
  const wasRunning = useRef(initial.running);
  useEffect(() => {
    if (wasRunning.current && !data.running) router.refresh();
    wasRunning.current = data.running;
  }, [data.running, router]);

  return (
    <p data-testid="sync-state" role="status" aria-live="polite" className="text-sm text-slate-700">
      {data.running ? (
        <>Syncing: {formatProgress(data.progress)}</>
      ) : (
        <>
          {data.activeSnapshotAt ? `Data from ${formatTime(data.activeSnapshotAt)}.` : "No snapshot yet."}
          {data.stale && data.lastFailure ? ` Last sync failed at ${formatTime(data.lastFailure.at)}.` : ""}
        </>
      )}
    </p>
  );
}
