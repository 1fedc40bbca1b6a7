import type { ChecklistReport } from "@/lib/checklist/types";
import type { ExportRow } from "./rows";

export const CHECKLIST_COLUMNS = ["item", "title", "status", "summary", "attested_by", "attested_at", "attested_fact_date", "attestation", "evidence", "evidence_detail"] as const;

/** One row per item (evidence empty) followed by one row per piece of evidence of that item. */
export function checklistRows(report: ChecklistReport): ExportRow[] {
  return report.items.flatMap((i) => {
    const base = {
      item: i.id, title: i.title, status: i.status, summary: i.summary,
      attested_by: i.attestation?.attestedBy ?? null, attested_at: i.attestation?.attestedAt ?? null,
      attested_fact_date: i.attestation?.performedAt ?? null, attestation: i.attestation?.statement ?? null,
    };
    const more = i.evidenceTotal > i.evidence.length ? [{ ...base, evidence: `and ${i.evidenceTotal - i.evidence.length} more`, evidence_detail: i.evidenceHref }] : [];
    return [
      { ...base, evidence: null, evidence_detail: null },
      ...i.evidence.map((e) => ({ ...base, evidence: e.label, evidence_detail: e.detail ?? null })),
      ...more,
    ];
  });
}
