import { keyToPath } from "@/lib/inventory/urls";

const secretHref = (key: string) => `/secrets/${keyToPath(key)}`;
import type { ChecklistFacts } from "./facts";
import { day, noSnapshot, plural, type Verdict } from "./score-helpers";

// Items judged from the synced inventory alone. Pure functions of the facts.

export function scoreSingleSource(f: ChecklistFacts): Verdict {
  if (!f.snapshot) return noSnapshot();
  const split = f.environments.filter((e) => e.clusters.length > 1);
  const evidence = [
    ...split.map((e) => ({ label: `environment ${e.environment ?? "(none)"} is served by ${e.clusters.length} clusters`, detail: e.clusters.join(", ") })),
    ...f.dangling.rows.map((d) => ({ label: `${d.workload_key} reads ${d.secret_ref}, which is not in Vault`, detail: `${d.mechanism}${d.manifest_file ? ` · ${d.manifest_file}` : ""}` })),
  ];
  const scope = `${plural(f.environments.length, "environment")} across ${plural(new Set(f.environments.flatMap((e) => e.clusters)).size, "Vault cluster")}`;
  if (split.length === 0 && f.dangling.total === 0) {
    return { status: "pass", summary: `Each environment has one authoritative Vault cluster (${scope}) and every consumer reference resolves to a Vault secret.`, evidence: f.environments.map((e) => ({ label: `environment ${e.environment ?? "(none)"}`, detail: `${e.clusters.join(", ")} · ${plural(e.secrets, "secret")}` })) };
  }
  const parts = [split.length ? `${plural(split.length, "environment")} split across clusters` : "", f.dangling.total ? `${plural(f.dangling.total, "consumer reference")} to paths not in Vault (the value lives somewhere else, or nowhere)` : ""].filter(Boolean);
  return { status: "fail", summary: `${parts.join("; ")} (${scope}).`, evidence, evidenceTotal: split.length + f.dangling.total, evidenceHref: "/workloads" };
}

export function scoreCiStaticSecrets(f: ChecklistFacts): Verdict {
  if (!f.ci.configured) return { status: "unknown", summary: "No CI workflows are configured (WORKFLOWS_DIR), so Radius cannot see which repository secrets CI jobs use." };
  if (!f.ci.findings) return { status: "unknown", summary: `The CI workflows could not be read: ${f.ci.error ?? "unknown error"}.` };
  const c = f.ci.findings;
  if (c.files === 0) return { status: "unknown", summary: "The CI workflows folder holds no workflow files." };
  const byJob = new Map<string, { names: Set<string>; file: string; line: number }>();
  for (const s of c.staticSecrets) {
    const key = `${s.repo} · ${s.workflowFile} · job ${s.job}`;
    const entry = byJob.get(key) ?? { names: new Set<string>(), file: s.workflowFile, line: s.line };
    entry.names.add(s.name);
    byJob.set(key, entry);
  }
  const pinned = c.unpinnedActions ? ` ${plural(c.unpinnedActions, "action reference")} not pinned to a commit SHA (not scored, but fix them too).` : "";
  const scope = `${plural(c.files, "workflow file")}, ${plural(c.jobs, "job")} read ${c.readAt.slice(0, 16).replace("T", " ")} UTC`;
  if (byJob.size === 0) return { status: "pass", summary: `No CI job references a stored repository secret (${scope}).${pinned}` };
  const evidence = [...byJob].slice(0, 25).map(([label, e]) => ({ label, detail: `secrets: ${[...e.names].sort().join(", ")} (line ${e.line})` }));
  return { status: "fail", summary: `${plural(byJob.size, "CI job")} use static repository secrets instead of Vault OIDC (${scope}).${pinned}`, evidence, evidenceTotal: byJob.size, evidenceHref: "/workloads?kind=ci-job" };
}

export function scoreDynamicDatabases(f: ChecklistFacts): Verdict {
  if (!f.snapshot) return noSnapshot();
  const d = f.databases;
  const bad = d.static_roles + d.kv_passwords;
  const evidence = d.rows.map((r) => ({ label: r.key, detail: `${r.kind} · ${plural(r.consumer_count, "consumer")}${r.environment ? ` · ${r.environment}` : ""}`, href: secretHref(r.key) }));
  if (bad > 0) {
    return { status: "fail", summary: `${plural(bad, "database credential")} ${bad === 1 ? "is" : "are"} permanent: ${plural(d.static_roles, "database static role")} and ${plural(d.kv_passwords, "database password")} kept in KV (${plural(d.dynamic_roles, "dynamic role")} in use).`, evidence, evidenceTotal: bad, evidenceHref: "/secrets?engine=database-static" };
  }
  if (d.dynamic_roles === 0) return { status: "unknown", summary: "No database secrets engine role is in the inventory, and no KV secret is named like a database password: nothing to judge." };
  return { status: "pass", summary: `All ${plural(d.dynamic_roles, "database role")} issue dynamic credentials with a TTL; no static role and no database password in KV.` };
}

export function scorePkiCertificates(f: ChecklistFacts): Verdict {
  if (!f.snapshot) return noSnapshot();
  const c = f.certificates;
  if (c.total === 0) return { status: "unknown", summary: "No certificate is in the inventory (no PKI mount synced), so issuance cannot be judged. Certificates issued outside Vault are invisible to Radius." };
  const scope = `${plural(c.active, "valid certificate")} in ${c.mounts.sort().join(", ")}`;
  if (c.no_role === 0) return { status: "pass", summary: `Every valid certificate was issued through a PKI role (automation): ${scope}. Certificates issued outside Vault are not visible to Radius.` };
  const evidence = c.rows.map((r) => ({ label: r.common_name ?? r.serial, detail: `${r.cluster}:${r.issuer_mount} · serial ${r.serial} · expires ${day(r.not_after)}` }));
  return { status: "fail", summary: `${plural(c.no_role, "valid certificate")} match no PKI role (signed by hand, sign-verbatim or imported) out of ${scope}.`, evidence, evidenceTotal: c.no_role, evidenceHref: "/health" };
}

export function scoreBlastRadius(f: ChecklistFacts): Verdict {
  if (!f.snapshot) return noSnapshot();
  const b = f.blastRadius;
  if (b.total === 0) return { status: "unknown", summary: "The inventory holds no secrets." };
  if (b.incomplete === 0) return { status: "pass", summary: `All ${plural(b.total, "secret")} have an owning team, computed readers, mapped consumers and a propagation time.` };
  const evidence = b.rows.map((r) => ({
    label: r.key, href: secretHref(r.key),
    detail: [r.owner_team ? null : "no owning team", r.reader_count > 0 && r.consumer_count === 0 ? `${plural(r.reader_count, "reader")} but no mapped consumer (what breaks is unknown)` : null].filter(Boolean).join("; "),
  }));
  return { status: "fail", summary: `${plural(b.incomplete, "secret")} of ${b.total.toLocaleString("en-US")} lack a complete answer: ${plural(b.no_owner, "secret")} without an owning team, ${plural(b.no_consumer, "secret")} readable but with no mapped consumer.`, evidence, evidenceTotal: b.incomplete, evidenceHref: "/secrets" };
}
