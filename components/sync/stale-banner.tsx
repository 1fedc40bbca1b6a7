import type { SyncStatusView } from "@/lib/sync/schemas";
import { formatProgress, formatTime } from "./format";

/**
 * Tells readers how fresh the data is when it is not: the last sync failed after the snapshot
 * shown was made, or no sync has completed yet. Renders nothing when all is well. Pages pass
 * `loadSyncStatus()` from lib/sync/queries.
 */
export function StaleBanner({ status }: { status: SyncStatusView }) {
  if (!status.stale) return null;
  return (
    <div role="status" data-testid="stale-banner" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
      {status.activeSnapshotAt ? (
        <p>
          Data from {formatTime(status.activeSnapshotAt)}.{" "}
          {status.lastFailure ? (
            <>
              The last sync failed at {formatTime(status.lastFailure.at)}
              {status.lastFailure.error ? <>: <span className="font-mono text-xs">{status.lastFailure.error.replace(/\.$/, "")}</span></> : null}.{" "}
            </>
          ) : null}
          Showing the last good snapshot{status.staleSince ? ` (stale since ${formatTime(status.staleSince)})` : ""}.
        </p>
      ) : (
        <p>
          No sync has completed yet
          {status.running ? <> — syncing now: {formatProgress(status.progress)}.</> : status.lastFailure ? <>; the last attempt failed at {formatTime(status.lastFailure.at)}: <span className="font-mono text-xs">{status.lastFailure.error}</span></> : "."}
        </p>
      )}
    </div>
  );
}
