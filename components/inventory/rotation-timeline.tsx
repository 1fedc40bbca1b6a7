import Link from "next/link";
import { formatSeconds } from "@/lib/inventory/format";
import type { RotationStep } from "@/lib/inventory/secret-blast-radius-types";
import { workloadHref } from "@/lib/inventory/urls";

const BAD = /breaks/;

/**
 * "Rotate now" played forward (nothing is rotated): each event at its time after the rotation,
 * on a vertical timeline; events that wait for a restart or resync come last, unscheduled.
 */
export function RotationTimeline({ steps }: { steps: RotationStep[] }) {
  if (steps.length <= 1) return <p className="text-sm text-slate-500">No consumers: a rotation reaches nobody and breaks nothing.</p>;
  // Dependents breaking at t = 0 are one fact, listed in full in the dependents table; here they are one line.
  const dependents = steps.filter((s) => s.event === "dependent breaks");
  const shown = steps.filter((s) => s.event !== "dependent breaks");
  return (
    <ol className="relative ml-2 border-l border-slate-200" data-testid="rotation-timeline">
      {dependents.length > 0 ? (
        <li className="mb-2 ml-4">
          <span aria-hidden className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-amber-500" />
          <p className="text-sm"><span className="mr-2 inline-block min-w-24 font-mono text-xs text-slate-500">t = 0</span>
            <span className="text-amber-800">{dependents.length} dependent{dependents.length === 1 ? "" : "s"} break</span> until the consumers they rely on have the new value</p>
          <p className="ml-26 text-xs text-slate-500">{dependents.slice(0, 6).map((d) => d.workload?.name).join(", ")}{dependents.length > 6 ? ", …" : ""}</p>
        </li>
      ) : null}
      {shown.map((s, i) => (
        <li key={i} className="mb-2 ml-4">
          <span aria-hidden className={`absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white ${BAD.test(s.event) ? "bg-amber-500" : s.event === "rotated" ? "bg-brand-600" : "bg-emerald-500"}`} />
          <p className="text-sm">
            <span className="mr-2 inline-block min-w-24 font-mono text-xs text-slate-500">{s.atSeconds === null ? "at restart" : s.atSeconds === 0 ? "t = 0" : `+${formatSeconds(s.atSeconds)}`}</span>
            {s.workload ? <Link href={workloadHref(s.workload.key)} className="font-medium text-brand-700 hover:underline">{s.workload.name}</Link> : <span className="font-medium">Secret</span>}{" "}
            <span className={BAD.test(s.event) ? "text-amber-800" : "text-slate-700"}>{s.event}</span>
          </p>
          <p className="ml-26 text-xs text-slate-500">{s.detail}</p>
        </li>
      ))}
    </ol>
  );
}
