import { formatPropagation } from "@/lib/inventory/format";

/** "5 min", or "until restart" in amber: the rotation never completes on its own. */
export function PropagationLabel({ seconds }: { seconds: number | null }) {
  return <span className={`whitespace-nowrap tabular-nums ${seconds === null ? "font-medium text-amber-700" : ""}`}>{formatPropagation(seconds)}</span>;
}
