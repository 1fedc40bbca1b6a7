import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/user";
import { createVaultProbe } from "@/lib/checklist";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { DEMO_CANARY_PREFIX, DEMO_TOKENS } from "@/lib/demo/generator";
import { runSync } from "@/lib/sync/run-sync";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import { createVaultReader } from "@/lib/vault";
import { main as verifyAuditMain } from "@/scripts/verify-audit-trail";
import type { ExportContext } from "./context";
import { listRecentExports, getExportManifest } from "./manifests";
import { renderEvidencePack } from "./pdf/evidence-pack";
import { EXPORT_DATASET_IDS, type ExportDatasetId } from "./schemas";
import { estimateExport, openExport } from "./service";
import { parseCsv, pdfText, readAll } from "./test-helpers";
import { createHash } from "node:crypto";

const user = (role: CurrentUser["roles"][number]): CurrentUser => ({ email: `${role}@acme.example`, name: role, roles: [role] });
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe("compliance exports over the demo organisation", () => {
  let w: SyncWorld;
  let snapshotId: string;
  let ctxOf: (u: CurrentUser) => ExportContext;
  const outputs: { name: string; bytes: Buffer }[] = [];

  async function exportAs(u: CurrentUser, dataset: ExportDatasetId, format: "csv" | "json", filters: Record<string, string> = {}) {
    const opened = await openExport(ctxOf(u), { dataset, format, ...filters });
    const bytes = await readAll(opened.stream);
    outputs.push({ name: `${dataset}.${format}`, bytes });
    const rows = format === "csv" ? parseCsv(bytes.toString("utf8")) : (JSON.parse(bytes.toString("utf8")) as { rows: Record<string, unknown>[] }).rows;
    return { opened, bytes, rows };
  }
  async function both(dataset: ExportDatasetId, filters: Record<string, string> = {}) {
    const csv = await exportAs(user("compliance"), dataset, "csv", filters);
    const json = await exportAs(user("compliance"), dataset, "json", filters);
    // CSV and JSON hold the same rows (CSV as text). The audit trail grows between the two
    // exports (the CSV export's own records), so there the CSV is a prefix of the JSON.
    const jsonRows = dataset === "audit-trail" ? json.rows.slice(0, csv.rows.length) : json.rows;
    expect(csv.rows.length).toBe(jsonRows.length);
    expect(csv.rows.map((r) => Object.values(r).join("|"))).toEqual(jsonRows.map((r) => Object.values(r).map((v) => (v === null ? "" : String(v))).join("|")));
    return { csv, json };
  }

  beforeAll(async () => {
    w = await startSyncWorld();
    expect((await runSync({ trigger: "manual" }, w.deps())).status).toBe("succeeded");
    snapshotId = (await getActiveSnapshotId(w.database.prisma))!;
    const probe = createVaultProbe(() => [createVaultReader({ address: w.standin.url, token: DEMO_TOKENS.readonly, retries: 0, timeoutMs: 5_000 })]);
    ctxOf = (u) => ({ db: w.database.prisma, user: u, request: { ip: "10.9.8.7", userAgent: "vitest" }, checklist: { vault: probe, workflows: { dir: w.config.workflowsDir!, owner: w.config.ciOwner } } });
    // Detection and reviews are built by other modules: seed their tables directly.
    const now = new Date();
    for (const [i, rule] of ["root-token-used", "auth-failures", "auth-failures"].entries()) {
      await w.database.prisma.alert.create({ data: { rule, severity: "high", subject: `subject-${i}`, dedupeKey: `k${i}`, firstSeen: now, lastSeen: new Date(now.getTime() - i * 1000), status: i === 2 ? "resolved" : "open" } });
    }
    const secrets = await w.database.prisma.secret.findMany({ where: { snapshotId }, take: 3, orderBy: { key: "asc" }, select: { key: true } });
    await w.database.prisma.review.create({ data: { name: "Q4 production review", createdBy: "security@acme.example", decisions: { create: secrets.map((s, i) => ({ identityKey: `primary:kubernetes/app-${i}`, secretKey: s.key, capabilities: ["read"], outcome: i === 0 ? "revoke" : "keep", reviewer: "owner@acme.example", decidedAt: now })) } } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("exports the inventory: every secret of the snapshot, CSV and JSON alike, with a filter", async () => {
    const { csv } = await both("inventory");
    const want = await w.database.prisma.secret.findMany({ where: { snapshotId }, orderBy: { key: "asc" }, select: { key: true, ownerTeam: true, exposureScore: true, environment: true } });
    expect(csv.rows.map((r) => String(r.key))).toEqual(want.map((s) => s.key));
    const byKey = new Map(csv.rows.map((r) => [r.key, r]));
    for (const s of want) expect([byKey.get(s.key)!.owner_team, Number(byKey.get(s.key)!.exposure_score)]).toEqual([s.ownerTeam ?? "", s.exposureScore]);
    const env = want.find((s) => s.environment)!.environment!;
    const filtered = await exportAs(user("security"), "inventory", "csv", { environment: env });
    expect(filtered.rows.map((r) => r.key)).toEqual(want.filter((s) => s.environment === env).map((s) => s.key));
  });

  it("exports the access matrix: one row per grant with capabilities", async () => {
    const { json } = await both("access-matrix");
    const grants = await w.database.prisma.grant.findMany({ where: { snapshotId }, select: { capabilities: true, secret: { select: { key: true } }, identity: { select: { key: true } } } });
    expect(json.rows.length).toBe(grants.length);
    expect(sorted(json.rows.map((r) => `${String(r.secret_key)} ${String(r.identity_key)} ${String(r.capabilities)}`))).toEqual(sorted(grants.map((g) => `${g.secret.key} ${g.identity.key} ${g.capabilities.join(" ")}`)));
    expect((await estimateExport(ctxOf(user("compliance")), { dataset: "access-matrix", format: "csv" })).rows).toBe(grants.length);
  });

  it("exports rotation compliance, certificates, alerts and review decisions", async () => {
    const secrets = await w.database.prisma.secret.count({ where: { snapshotId } });
    const rotation = await both("rotation");
    expect(rotation.csv.rows).toHaveLength(secrets);
    expect(new Set(rotation.csv.rows.map((r) => r.status))).toEqual(new Set(["dynamic", "compliant", "overdue", ...(rotation.csv.rows.some((r) => r.status === "never-rotated") ? ["never-rotated"] : [])]));
    const certs = await both("certificates");
    const serials = await w.database.prisma.certificate.findMany({ where: { snapshotId }, select: { serial: true } });
    expect(sorted(certs.csv.rows.map((r) => String(r.serial)))).toEqual(sorted(serials.map((c) => c.serial)));
    const alerts = await both("alerts");
    const allAlerts = await w.database.prisma.alert.findMany({ orderBy: [{ lastSeen: "desc" }, { id: "desc" }], select: { id: true } });
    expect(alerts.json.rows.map((r) => r.alert_id)).toEqual(allAlerts.map((a) => a.id));
    expect(alerts.json.rows.filter((r) => String(r.subject).startsWith("subject-"))).toHaveLength(3);
    const decisions = await both("review-decisions");
    expect(sorted(decisions.csv.rows.map((r) => `${r.secret_key}:${r.outcome}`))).toHaveLength(3);
    expect(decisions.csv.rows.filter((r) => r.outcome === "revoke")).toHaveLength(1);
    const fromFuture = await exportAs(user("compliance"), "alerts", "csv", { from: "2999-01-01" });
    expect(fromFuture.rows).toHaveLength(0);
  });

  it("exports the checklist with its evidence", async () => {
    const { csv } = await both("checklist");
    const items = csv.rows.filter((r) => r.evidence === "");
    expect(items.map((r) => r.title)).toHaveLength(10);
    expect(items.find((r) => r.item === "ci-static-secrets")?.status).toBe("fail");
    expect(csv.rows.some((r) => r.item === "ci-static-secrets" && String(r.evidence).includes(w.groundTruth.staticSecretWorkflows[0]!.repo))).toBe(true);
  });

  it("records every export with its SHA-256 manifest in the audit trail", async () => {
    const { opened, bytes } = await exportAs(user("compliance"), "inventory", "csv");
    const manifest = await getExportManifest(ctxOf(user("compliance")), opened.exportId);
    expect(manifest).toMatchObject({ exportId: opened.exportId, dataset: "inventory", format: "csv", sha256: sha(bytes), bytes: bytes.length, actor: "compliance@acme.example" });
    const recent = await listRecentExports(ctxOf(user("security")));
    expect(recent[0]?.exportId).toBe(opened.exportId);
    const log = await w.database.prisma.portalAuditLog.findMany({ where: { target: `export:${opened.exportId}` }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["exports.create", "exports.complete"]);
    expect(log[0]).toMatchObject({ actorEmail: "compliance@acme.example", ip: "10.9.8.7" });
  });

  it("exports the portal audit trail for compliance, with its hash chain", async () => {
    const { csv } = await both("audit-trail");
    const all = await w.database.prisma.portalAuditLog.findMany({ orderBy: { id: "asc" }, select: { id: true, hash: true } });
    // The export's own completion record is written after its last row.
    const exported = new Map(csv.rows.map((r) => [r.id, r.hash]));
    for (const row of all.slice(0, csv.rows.length)) expect(exported.get(row.id.toString())).toBe(row.hash);
  });

  it("denies exports to roles without the permission, before any byte", async () => {
    await expect(openExport(ctxOf(user("engineer")), { dataset: "inventory", format: "csv" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(openExport(ctxOf(user("engineer")), { dataset: "audit-trail", format: "csv" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(openExport(ctxOf(user("security")), { dataset: "audit-trail", format: "json" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(estimateExport(ctxOf(user("security")), { dataset: "audit-trail", format: "csv" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(renderEvidencePack(ctxOf(user("engineer")), {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(listRecentExports(ctxOf(user("engineer")))).rejects.toMatchObject({ code: "forbidden" });
    for (const role of ["compliance", "admin"] as const) {
      const { rows } = await exportAs(user(role), "audit-trail", "json");
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it("renders a valid PDF evidence pack holding the checklist and section hashes", async () => {
    const pack = await renderEvidencePack(ctxOf(user("compliance")), { environment: undefined });
    outputs.push({ name: "evidence-pack.pdf", bytes: pack.pdf });
    expect(pack.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pack.pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    const text = pdfText(pack.pdf);
    for (const phrase of ["Architecture decision checklist", "Single source of truth", "No static secrets in CI", "Blast radius documented for every secret", "Manifest of data sections"]) expect(text).toContain(phrase);
    for (const s of pack.manifest.sections!) expect(text).toContain(s.sha256);
    expect(pack.manifest.sha256).toBe(sha(pack.pdf));
    expect((await getExportManifest(ctxOf(user("admin")), pack.exportId)).sha256).toBe(pack.manifest.sha256);
    if (existsSync("/usr/bin/pdftoppm")) {
      const dir = mkdtempSync(path.join(os.tmpdir(), "radius-pdf-"));
      writeFileSync(path.join(dir, "pack.pdf"), pack.pdf);
      execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", path.join(dir, "pack.pdf"), path.join(dir, "page")]);
      const png = readFileSync(path.join(dir, "page-1.png"));
      // A blank page compresses to a few hundred bytes; text and rules make it larger.
      expect(png.length).toBeGreaterThan(2_000);
    } else {
      console.info("[exports.test] pdftoppm is not installed: skipped rendering page 1 to PNG");
    }
  });

  it("never lets a canary secret value into any export", () => {
    expect(outputs.length).toBeGreaterThanOrEqual(EXPORT_DATASET_IDS.length * 2);
    for (const o of outputs) {
      expect(o.bytes.toString("latin1").includes(DEMO_CANARY_PREFIX), o.name).toBe(false);
      if (o.name.endsWith(".pdf")) expect(pdfText(o.bytes).includes(DEMO_CANARY_PREFIX)).toBe(false);
    }
  });

  it("verify-audit passes on the intact chain and names the first tampered row", async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t) };
    expect(await verifyAuditMain([], io, { DATABASE_URL: w.database.url })).toBe(0);
    expect(out.join("")).toMatch(/intact: \d+ rows verified/);
    const victim = (await w.database.prisma.portalAuditLog.findMany({ orderBy: { id: "asc" }, take: 3 }))[2]!;
    const admin = new URL(w.database.adminUrl);
    admin.pathname = `/${w.database.name}`;
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`ALTER TABLE portal_audit_log DISABLE TRIGGER portal_audit_log_no_update_delete;
        UPDATE portal_audit_log SET target = 'export:forged' WHERE id = ${victim.id};
        ALTER TABLE portal_audit_log ENABLE TRIGGER portal_audit_log_no_update_delete;`);
    } finally {
      await client.end();
    }
    out.length = 0;
    expect(await verifyAuditMain([], io, { DATABASE_URL: w.database.url })).toBe(1);
    expect(out.join("")).toContain(`BROKEN at row id ${victim.id}`);
    out.length = 0;
    expect(await verifyAuditMain(["--json"], io, { DATABASE_URL: w.database.url })).toBe(1);
    expect(JSON.parse(out.join(""))).toMatchObject({ ok: false, firstBrokenId: victim.id.toString() });
  });
});
