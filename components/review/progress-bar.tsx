import type { Progress } from "@/lib/review/types";

/** Decided share of a campaign (or of one reviewer's part), as a bar with the numbers beside it. */
export function ProgressBar({ progress, label, testId }: { progress: Progress; label: string; testId?: string }) {
  const done = progress.pending === 0;
  return (
    <div className="flex min-w-48 items-center gap-2" data-testid={testId}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full ${done ? "bg-emerald-500" : "bg-brand-500"}`} style={{ width: `${progress.percent}%` }} />
      </div>
      <span className="w-40 shrink-0 text-xs tabular-nums text-slate-600">
        <span className="font-medium text-slate-800" data-testid={testId ? `${testId}-percent` : undefined}>{progress.percent}%</span>
        {" "}· {progress.decided.toLocaleString("en-US")} of {progress.total.toLocaleString("en-US")}
      </span>
    </div>
  );
}
