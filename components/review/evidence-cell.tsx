import { evidenceLabel } from "@/lib/review/evidence";
import type { Evidence } from "@/lib/review/types";

/** Evidence of use next to each grant: reads, "unused" (a revocation candidate), or no audit evidence. */
export function EvidenceCell({ evidence }: { evidence: Evidence }) {
  const tone = evidence.kind === "used" ? "text-slate-700" : evidence.kind === "unused" ? "font-medium text-amber-700" : "text-slate-400";
  return <span className={`text-xs ${tone}`} data-testid="evidence">{evidenceLabel(evidence)}</span>;
}
