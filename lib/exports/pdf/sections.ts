import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit-trail/canonical-json";
import { getChecklist, getDashboardFigures } from "@/lib/checklist";
import type { ChecklistReport, DashboardFigures } from "@/lib/checklist";
import { checklistContextOf, nowOf, type ExportContext } from "../context";
import type { ExportFilters } from "../schemas";
import { findExpiringCertificates, findMostOverdue, findTopExposure, summariseAlerts, summariseReviews } from "./repository";

export interface EvidenceData {
  checklist: ChecklistReport;
  figures: DashboardFigures;
  topExposure: Awaited<ReturnType<typeof findTopExposure>>;
  overdue: Awaited<ReturnType<typeof findMostOverdue>>;
  expiring: Awaited<ReturnType<typeof findExpiringCertificates>>;
  alerts: Awaited<ReturnType<typeof summariseAlerts>>;
  reviews: Awaited<ReturnType<typeof summariseReviews>>;
}

export const SECTION_TITLES: Record<keyof EvidenceData, string> = {
  checklist: "Checklist with evidence",
  figures: "Key figures",
  topExposure: "Secrets with the highest exposure",
  overdue: "Static secrets overdue for rotation",
  expiring: "Certificates expiring soonest",
  alerts: "Alerts by rule",
  reviews: "Access reviews",
};

export async function gatherEvidence(ctx: ExportContext, snapshotId: string | null, filters: ExportFilters): Promise<EvidenceData> {
  const now = nowOf(ctx);
  const cctx = checklistContextOf(ctx);
  const [checklist, figures, topExposure, overdue, expiring, alerts, reviews] = await Promise.all([
    getChecklist(cctx), getDashboardFigures(cctx),
    snapshotId ? findTopExposure(ctx.db, snapshotId, filters) : [],
    snapshotId ? findMostOverdue(ctx.db, snapshotId, filters, now) : [],
    snapshotId ? findExpiringCertificates(ctx.db, snapshotId, now) : [],
    summariseAlerts(ctx.db), summariseReviews(ctx.db),
  ]);
  return { checklist, figures, topExposure, overdue, expiring, alerts, reviews };
}

/** SHA-256 of each section's data as canonical JSON: what the PDF's manifest page lists. */
export function hashSections(data: EvidenceData): { key: keyof EvidenceData; title: string; sha256: string; rows: number }[] {
  return (Object.keys(SECTION_TITLES) as (keyof EvidenceData)[]).map((key) => {
    const value = data[key];
    const json = canonicalJson(JSON.parse(JSON.stringify(value)));
    const rows = Array.isArray(value) ? value.length : key === "checklist" ? data.checklist.items.length : 1;
    return { key, title: SECTION_TITLES[key], sha256: createHash("sha256").update(json, "utf8").digest("hex"), rows };
  });
}
