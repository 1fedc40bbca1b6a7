import type { CheckStatus } from "@/lib/checklist/types";

const STYLE: Record<CheckStatus, string> = {
  pass: "bg-emerald-100 text-emerald-800 ring-emerald-600/20",
  fail: "bg-red-100 text-red-800 ring-red-600/20",
  unknown: "bg-amber-100 text-amber-900 ring-amber-600/20",
};

export function CheckStatusBadge({ status }: { status: CheckStatus }) {
  return (
    <span data-testid="check-status" data-status={status} className={`inline-flex w-16 justify-center rounded px-1.5 py-0.5 text-xs font-semibold uppercase ring-1 ring-inset ${STYLE[status]}`}>
      {status}
    </span>
  );
}
