import { plural } from "@/lib/inventory/format";
import { CHECKLIST_ITEMS, isAttestable, ATTESTATION_VALID_DAYS, type ChecklistItemId } from "./items";
import type { ChecklistFacts } from "./facts";
import type { AttestationRecord } from "./repository";
import type { AttestationView, ChecklistItemResult, CheckStatus, EvidenceRow } from "./types";

export { plural };
export const DAY_MS = 86_400_000;

export type Verdict = { status: CheckStatus; summary: string; evidence?: EvidenceRow[]; evidenceTotal?: number; evidenceHref?: string | null };

export function toAttestationView(a: AttestationRecord | undefined): AttestationView | null {
  if (!a || (a.outcome !== "pass" && a.outcome !== "fail")) return null;
  return {
    outcome: a.outcome, statement: a.statement, performedAt: a.performed_at?.toISOString() ?? null,
    evidenceUrl: a.evidence_url, attestedBy: a.attested_by, attestedAt: a.attested_at.toISOString(),
  };
}

export function attestationOf(facts: ChecklistFacts, id: ChecklistItemId): AttestationRecord | undefined {
  return facts.attestations.find((a) => a.item === id);
}

/** An attestation's verdict: its outcome while in force, "fail" (overdue) once it is too old. */
export function attestedVerdict(facts: ChecklistFacts, id: ChecklistItemId, what: string): Verdict | null {
  const a = attestationOf(facts, id);
  if (!a || !isAttestable(id)) return null;
  const since = a.performed_at ?? a.attested_at;
  const ageDays = Math.floor((facts.now.getTime() - since.getTime()) / DAY_MS);
  const valid = ATTESTATION_VALID_DAYS[id];
  const who = `attested by ${a.attested_by} on ${a.attested_at.toISOString().slice(0, 10)}`;
  if (a.outcome === "fail") return { status: "fail", summary: `${what}: attested as NOT in place (${who}).` };
  if (ageDays > valid) return { status: "fail", summary: `${what}: last attested fact is ${ageDays} days old (${since.toISOString().slice(0, 10)}), older than the ${valid} days allowed (${who}).` };
  return { status: "pass", summary: `${what}: attested (${who}; fact dated ${since.toISOString().slice(0, 10)}, ${ageDays} days ago).` };
}

export function noSnapshot(): Verdict {
  return { status: "unknown", summary: "No sync has completed yet, so there is no inventory to judge." };
}

export function toItemResult(facts: ChecklistFacts, id: ChecklistItemId, v: Verdict): ChecklistItemResult {
  const def = CHECKLIST_ITEMS.find((i) => i.id === id)!;
  const evidence = v.evidence ?? [];
  return {
    id, title: def.title, question: def.question, status: v.status, summary: v.summary,
    evidence, evidenceTotal: v.evidenceTotal ?? evidence.length, evidenceHref: v.evidenceHref ?? null,
    attestable: isAttestable(id), attestation: toAttestationView(attestationOf(facts, id)),
  };
}

export const day = (d: Date) => d.toISOString().slice(0, 10);
