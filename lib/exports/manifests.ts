import "server-only";
import type { DbClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { assertCan, type ExportContext } from "./context";
import { exportIdSchema, type ExportManifest } from "./schemas";

export interface RecentExport extends ExportManifest {
  auditId: string;
}

async function findCompleted(db: DbClient, exportId: string | null, limit: number) {
  return db.portalAuditLog.findMany({
    where: { action: "exports.complete", ...(exportId ? { target: `export:${exportId}` } : {}) },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, details: true },
  });
}

const manifestOf = (details: unknown): ExportManifest | null => {
  const m = (details as { manifest?: ExportManifest } | null)?.manifest;
  return m && typeof m.sha256 === "string" ? m : null;
};

/** The newest completed exports with their manifests (exports.create), straight from the audit trail. */
export async function listRecentExports(ctx: ExportContext, limit = 20): Promise<RecentExport[]> {
  assertCan(ctx, "exports.create");
  const rows = await findCompleted(ctx.db, null, Math.min(Math.max(limit, 1), 100));
  return rows.flatMap((r) => {
    const m = manifestOf(r.details);
    return m ? [{ ...m, auditId: r.id.toString() }] : [];
  });
}

/** One export's manifest, as recorded in the audit trail when it completed. */
export async function getExportManifest(ctx: ExportContext, exportId: string): Promise<ExportManifest> {
  assertCan(ctx, "exports.create");
  const id = exportIdSchema.parse(exportId);
  const [row] = await findCompleted(ctx.db, id, 1);
  const manifest = row ? manifestOf(row.details) : null;
  if (!manifest) throw new AppError("not_found", { userMessage: "No completed export has this id (it may still be running, or it failed)." });
  if (manifest.dataset === "audit-trail") assertCan(ctx, "audit-trail.export");
  return manifest;
}
