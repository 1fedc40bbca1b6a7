import type { ChecklistFacts } from "./facts";
import { attestedVerdict, day, DAY_MS, noSnapshot, plural, type Verdict } from "./score-helpers";
import { AUTO_UNSEAL_TYPES } from "./vault-probe";

// Items judged from live Vault, the audit pipeline, drift and admin attestations. Pure.

export function scoreK8sEncryption(f: ChecklistFacts): Verdict {
  const k = f.kubernetes;
  const distribution = f.snapshot
    ? `${plural(k.eso, "External Secrets edge")} copy ${plural(k.eso_secrets, "secret")} into Kubernetes Secrets across ${plural(k.k8s_workloads, "Kubernetes workload")}.`
    : "No inventory yet.";
  const evidence = [{ label: "Secrets synced into etcd by ESO", detail: distribution }];
  const attested = attestedVerdict(f, "k8s-encryption", "etcd encryption at rest with a KMS provider and RBAC on ESO-synced Secrets");
  if (attested) return { ...attested, summary: `${attested.summary} ${distribution}`, evidence };
  return { status: "unknown", summary: `Encryption at rest is configured in the Kubernetes API server, which Radius cannot read: an admin must attest it. ${distribution}`, evidence };
}

export function scoreVaultConfigInGit(f: ChecklistFacts): Verdict {
  const d = f.drift;
  const evidence = f.driftNames?.map((n) => ({ label: `${n.kind} ${n.name}`, detail: `${n.status} · ${n.cluster}` }))
    ?? (d.total > 0 ? [{ label: `${plural(d.total, "resource")} drift`, detail: "names on the Drift page (security, admin)" }] : []);
  return { status: d.status, summary: d.evidence, evidence, evidenceTotal: d.total, evidenceHref: "/drift" };
}

export function scoreAutoUnseal(f: ChecklistFacts): Verdict {
  const probes = f.vault ?? [];
  const known = probes.filter((p) => p.sealType);
  const evidence = probes.map((p) => ({ label: p.address, detail: p.sealType ? `seal type ${p.sealType}` : `seal type not exposed: ${p.sealError ?? "no answer"}` }));
  const manual = known.filter((p) => !AUTO_UNSEAL_TYPES.has(p.sealType!.toLowerCase()));
  if (manual.length > 0) return { status: "fail", summary: `${plural(manual.length, "cluster")} unseal with ${manual.map((p) => p.sealType).join(", ")} keys: a restart needs operators with key shares.`, evidence };
  if (known.length > 0 && known.length === probes.length) return { status: "pass", summary: `Every cluster reports an auto-unseal seal (${[...new Set(known.map((p) => p.sealType))].join(", ")}).`, evidence };
  const attested = attestedVerdict(f, "auto-unseal", "Auto-unseal");
  if (attested) return { ...attested, evidence };
  const why = probes.length === 0 ? "Vault was not asked (no cluster reachable from this process)" : "Vault does not expose its seal type to Radius";
  return { status: "unknown", summary: `${why}; an admin can attest the seal configuration.`, evidence };
}

export function scoreAuditForwarding(f: ChecklistFacts): Verdict {
  const probes = f.vault ?? [];
  const listed = probes.filter((p) => p.auditDevices !== null);
  const devices = listed.flatMap((p) => p.auditDevices!.map((d) => ({ cluster: p.address, ...d })));
  const a = f.audit;
  const openAlerts = a.alertsByRule.reduce((n, r) => n + r.open, 0);
  const evidence = [
    ...devices.map((d) => ({ label: `audit device ${d.path}`, detail: `${d.type} · ${d.cluster}` })),
    ...probes.filter((p) => p.auditDevices === null).map((p) => ({ label: `${p.address}: audit devices unknown`, detail: p.auditError ?? "no answer" })),
    { label: "audit events received", detail: a.lastEventAt ? `last at ${a.lastEventAt.toISOString().replace("T", " ").slice(0, 19)} UTC; ${a.eventsSince >= 100_000 ? "100,000+" : a.eventsSince.toLocaleString("en-US")} in the last 24 h` : "none yet" },
    ...a.alertsByRule.map((r) => ({ label: `alert rule ${r.rule}`, detail: `${r.open} open of ${r.total}` })),
  ];
  const base = { evidence, evidenceHref: "/alerts" };
  if (listed.length > 0 && devices.length === 0) return { ...base, status: "fail", summary: "No audit device is enabled in Vault: nothing is logged, so nothing can be forwarded or alerted on." };
  if (!a.lastEventAt) return { ...base, status: "unknown", summary: "No audit events have been ingested yet (audit ingestion not configured or not run), so forwarding cannot be shown." };
  const ageHours = (f.now.getTime() - a.lastEventAt.getTime()) / 3_600_000;
  if (ageHours > 24) return { ...base, status: "fail", summary: `Audit events stopped arriving: the newest is ${Math.floor(ageHours)} hours old (${day(a.lastEventAt)}).` };
  const rules = a.alertsByRule.length ? `alert rules have fired (${plural(a.alertsByRule.length, "rule")}, ${plural(openAlerts, "open alert")})` : "no alert has fired yet";
  return { ...base, status: "pass", summary: `Audit events arrive (newest ${Math.round(ageHours * 60)} minutes ago)${devices.length ? ` from ${plural(devices.length, "audit device")}` : ""}; ${rules}.` };
}

export function scoreRotationRunbook(f: ChecklistFacts): Verdict {
  const attested = attestedVerdict(f, "rotation-runbook", "Rotation runbook test");
  if (attested) return attested;
  return { status: "unknown", summary: "No runbook test is recorded. An admin records the date of the last staging run of the manual rotation runbook." };
}

export { noSnapshot, DAY_MS };
