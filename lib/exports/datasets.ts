import "server-only";
import { getChecklist } from "@/lib/checklist";
import { checklistContextOf, nowOf, type ExportContext } from "./context";
import * as rec from "./repository-records";
import * as sec from "./repository-secrets";
import { toRow, type ExportRow } from "./rows";
import type { ExportDatasetId, ExportFilters } from "./schemas";
import { checklistRows, CHECKLIST_COLUMNS } from "./checklist-rows";

export const BATCH = 2_000;
// Access-matrix pages are per secret; a secret has a handful to a few hundred grants.
const MATRIX_SECRETS = 500;

export interface DatasetRun {
  ctx: ExportContext;
  snapshotId: string | null;
  filters: ExportFilters;
}

export interface ExportDataset {
  columns: readonly string[];
  /** Needs an inventory snapshot (the export is empty before the first sync). */
  snapshot: boolean;
  batches(run: DatasetRun): AsyncGenerator<ExportRow[]>;
  count(run: DatasetRun): Promise<number>;
}

const C = {
  inventory: ["key", "cluster", "mount", "path", "engine", "lifecycle", "environment", "owner_team", "classification", "rotation_period_seconds", "last_rotated_at", "current_version", "created_time", "readers", "list_only", "consumers", "dependents", "propagation_seconds", "restart_bound", "exposure_score"],
  matrix: ["secret_key", "environment", "owner_team", "identity_key", "identity_kind", "capabilities", "policies", "rule_path", "via_group", "last_used_at", "reads_30d", "reads_90d"],
  rotation: ["key", "engine", "lifecycle", "environment", "owner_team", "rotation_period_seconds", "effective_period_seconds", "last_rotated_at", "due_at", "status", "days_overdue"],
  certificates: ["cluster", "issuer_mount", "serial", "common_name", "sans", "not_before", "not_after", "days_left", "status", "revoked", "revoked_at", "pki_role", "key_type", "key_bits", "secret_key", "environment", "owner_team"],
  alerts: ["alert_id", "rule", "severity", "status", "subject", "first_seen", "last_seen", "count", "assignee", "resolved_at", "note", "evidence"],
  decisions: ["decision_id", "review", "review_status", "review_created_by", "review_due_at", "secret_key", "identity_key", "capabilities", "policy_name", "outcome", "reviewer", "decided_at", "note"],
  audit: ["id", "time", "actor_email", "actor_roles", "action", "target", "ip", "user_agent", "details", "prev_hash", "hash"],
} as const;

const rows = (columns: readonly string[], records: Record<string, unknown>[]) => records.map((r) => toRow(columns, r));

/** Keyset pages over the secrets by key, mapped by `fetch`. */
async function* bySecretKey(run: DatasetRun, columns: readonly string[], fetch: (after: string | null) => Promise<Record<string, unknown>[]>) {
  if (!run.snapshotId) return;
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    if (page.length > 0) yield rows(columns, page);
    if (page.length < BATCH) return;
    after = String(page[page.length - 1]!.key);
  }
}

export const DATASETS: Record<ExportDatasetId, ExportDataset> = {
  inventory: {
    columns: C.inventory, snapshot: true,
    batches: (run) => bySecretKey(run, C.inventory, (after) => sec.findSecretBatch(run.ctx.db, run.snapshotId!, run.filters, after, BATCH)),
    count: async (run) => (run.snapshotId ? sec.countSecrets(run.ctx.db, run.snapshotId, run.filters) : 0),
  },
  rotation: {
    columns: C.rotation, snapshot: true,
    batches: (run) => bySecretKey(run, C.rotation, (after) => sec.findRotationBatch(run.ctx.db, run.snapshotId!, run.filters, after, BATCH, nowOf(run.ctx))),
    count: async (run) => (run.snapshotId ? sec.countSecrets(run.ctx.db, run.snapshotId, run.filters) : 0),
  },
  "access-matrix": {
    columns: C.matrix, snapshot: true,
    async *batches(run) {
      if (!run.snapshotId) return;
      let after: string | null = null;
      for (;;) {
        const page = await sec.findSecretKeyPage(run.ctx.db, run.snapshotId, run.filters, after, MATRIX_SECRETS);
        if (page.length === 0) return;
        const grants = await sec.findGrantsOf(run.ctx.db, page.map((p) => p.id));
        if (grants.length > 0) yield rows(C.matrix, grants);
        if (page.length < MATRIX_SECRETS) return;
        after = page[page.length - 1]!.key;
      }
    },
    count: async (run) => (run.snapshotId ? sec.countGrants(run.ctx.db, run.snapshotId, run.filters) : 0),
  },
  certificates: {
    columns: C.certificates, snapshot: true,
    async *batches(run) {
      if (!run.snapshotId) return;
      let after: rec.CertCursor = null;
      for (;;) {
        const page = await rec.findCertificateBatch(run.ctx.db, run.snapshotId, run.filters, after, BATCH, nowOf(run.ctx));
        if (page.length > 0) yield rows(C.certificates, page);
        if (page.length < BATCH) return;
        const last = page[page.length - 1]!;
        after = { notAfter: last.not_after as Date, id: String(last._id) };
      }
    },
    count: async (run) => (run.snapshotId ? rec.countCertificates(run.ctx.db, run.snapshotId, run.filters) : 0),
  },
  alerts: {
    columns: C.alerts, snapshot: false,
    async *batches(run) {
      let after: rec.AlertCursor = null;
      for (;;) {
        const page = await rec.findAlertBatch(run.ctx.db, run.filters, after, BATCH);
        if (page.length > 0) yield rows(C.alerts, page);
        if (page.length < BATCH) return;
        const last = page[page.length - 1]!;
        after = { lastSeen: last.last_seen as Date, id: String(last.alert_id) };
      }
    },
    count: (run) => rec.countAlerts(run.ctx.db, run.filters),
  },
  "review-decisions": {
    columns: C.decisions, snapshot: false,
    async *batches(run) {
      let after: string | null = null;
      for (;;) {
        const page = await rec.findDecisionBatch(run.ctx.db, run.snapshotId, run.filters, after, BATCH);
        if (page.length > 0) yield rows(C.decisions, page);
        if (page.length < BATCH) return;
        after = String(page[page.length - 1]!.decision_id);
      }
    },
    count: (run) => rec.countDecisions(run.ctx.db, run.snapshotId, run.filters),
  },
  checklist: {
    columns: CHECKLIST_COLUMNS, snapshot: false,
    async *batches(run) {
      yield checklistRows(await getChecklist(checklistContextOf(run.ctx)));
    },
    count: async () => 0,
  },
  "audit-trail": {
    columns: C.audit, snapshot: false,
    async *batches(run) {
      let after: bigint | null = null;
      for (;;) {
        const page = await rec.findAuditBatch(run.ctx.db, run.filters, after, BATCH);
        if (page.length > 0) yield rows(C.audit, page);
        if (page.length < BATCH) return;
        after = BigInt(page[page.length - 1]!.id as bigint);
      }
    },
    count: (run) => rec.countAudit(run.ctx.db, run.filters),
  },
};
