import { z } from "zod";

/** What can be exported, in the order the Exports page offers them (safe for the client). */
export const EXPORT_DATASETS = [
  { id: "inventory", title: "Secret inventory", description: "Every secret with engine, environment, owner, rotation and blast-radius figures." },
  { id: "access-matrix", title: "Access matrix", description: "Secret x identity x capabilities, with the deciding policy and the last read from the audit log." },
  { id: "rotation", title: "Rotation compliance", description: "Per secret: rotation period, last rotation, due date and status." },
  { id: "certificates", title: "Certificate inventory", description: "PKI certificates with issuer, role, validity and revocation." },
  { id: "alerts", title: "Alerts", description: "Detection alerts with rule, severity, status and timing." },
  { id: "review-decisions", title: "Review decisions", description: "Access-review decisions: keep or revoke, by whom and when." },
  { id: "checklist", title: "Checklist with evidence", description: "The ten architecture checklist items, their status and evidence." },
  { id: "audit-trail", title: "Portal audit trail", description: "Every portal action with its hash chain (needs audit-trail.export)." },
] as const;

export type ExportDatasetId = (typeof EXPORT_DATASETS)[number]["id"];
export const EXPORT_DATASET_IDS = EXPORT_DATASETS.map((d) => d.id) as [ExportDatasetId, ...ExportDatasetId[]];
export const EXPORT_FORMATS = ["csv", "json", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const optionalText = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));
const optionalDate = z.iso.date().optional().or(z.literal("").transform(() => undefined));

/**
 * Filters: `from`/`to` (inclusive UTC days) apply to the time-based datasets (alerts: last seen;
 * review decisions: decided or created; audit trail: time; certificates: not-after); environment
 * and team apply to datasets about secrets. Each manifest records the filters it was made with.
 */
export const exportFiltersSchema = z.object({
  from: optionalDate,
  to: optionalDate,
  environment: optionalText,
  team: optionalText,
}).refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must not be before from" });

export type ExportFilters = z.output<typeof exportFiltersSchema>;

export const exportRequestSchema = z.intersection(
  z.object({ dataset: z.enum(EXPORT_DATASET_IDS).default("checklist"), format: z.enum(EXPORT_FORMATS).default("csv") }),
  exportFiltersSchema,
);
export type ExportRequest = z.output<typeof exportRequestSchema>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;
export type ExportFiltersInput = z.input<typeof exportFiltersSchema>;

export const exportIdSchema = z.uuid();

/** A completed export as recorded in the portal audit trail (and offered as its manifest). */
export interface ExportManifest {
  exportId: string;
  dataset: ExportDatasetId | "evidence-pack";
  format: ExportFormat;
  filename: string;
  filters: ExportFilters;
  snapshotId: string | null;
  actor: string;
  startedAt: string;
  completedAt: string;
  rows: number;
  bytes: number;
  algorithm: "SHA-256";
  sha256: string;
  /** PDF only: SHA-256 of each data section's canonical JSON. */
  sections?: { title: string; sha256: string; rows: number }[];
}
