import type { ReviewerProgress } from "@/lib/review/types";
import { ProgressBar } from "./progress-bar";

/** Progress of each assigned reviewer (a decision counts for every reviewer it is assigned to). */
export function ReviewerProgressList({ reviewers }: { reviewers: ReviewerProgress[] }) {
  if (reviewers.length === 0) return <p className="text-sm text-slate-500">No reviewer assigned.</p>;
  return (
    <ul className="grid gap-1.5" data-testid="reviewer-progress">
      {reviewers.map((r) => (
        <li key={r.reviewer} className="flex flex-wrap items-center gap-3 text-sm">
          <span className="w-64 truncate text-slate-800" title={r.reviewer}>{r.reviewer}</span>
          <ProgressBar progress={r} label={`Progress of ${r.reviewer}`} />
          {r.pending > 0 ? <span className="text-xs text-slate-500">{r.pending.toLocaleString("en-US")} pending</span> : null}
        </li>
      ))}
    </ul>
  );
}
