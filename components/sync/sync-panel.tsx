import type { ComponentProps } from "react";
import { Card } from "@/components/ui/card";
import type { SyncProblemView, SyncRunView, SyncStatusView } from "@/lib/sync/schemas";
import { SyncNowButton } from "./sync-now-button";
import { SyncProblemsTable } from "./sync-problems-table";
import { SyncProgress } from "./sync-progress";
import { SyncRunsTable } from "./sync-runs-table";

export interface SyncPanelProps {
  status: SyncStatusView;
  runs: SyncRunView[];
  problems: SyncProblemView[];
  syncNow: ComponentProps<typeof SyncNowButton>["action"];
}

/** Admin: start a sync, watch it, and see what recent runs did and what they could not read. */
export function SyncPanel({ status, runs, problems, syncNow }: SyncPanelProps) {
  const lastFinished = runs.find((r) => r.status !== "running");
  const totalProblems = typeof lastFinished?.counts.problems === "number" ? lastFinished.counts.problems : problems.length;
  return (
    <>
      <Card title="Sync" className="xl:col-span-3">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <SyncProgress initial={status} />
          <SyncNowButton action={syncNow} disabled={status.running} />
        </div>
        <SyncRunsTable runs={runs} />
      </Card>
      <Card title="Problems of the last sync" className="xl:col-span-3">
        <SyncProblemsTable problems={problems} total={totalProblems} />
      </Card>
    </>
  );
}
