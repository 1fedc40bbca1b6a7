import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { appendPortalAudit } from "@/lib/audit-trail";
import type { RequestContext } from "@/lib/auth/request-context";
import { can, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { DbClient, PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { ruleLabel, type AlertStatusName, type Severity } from "./catalog";
import { alertOrder, alertWhere, countAlerts, findAlert, findAlertHistory, findAlerts, findTriageUsers, isTriageUser, updateAlertIfStatus, type AlertRecord } from "./repository";
import { acknowledgeAlertSchema, alertIdSchema, assignAlertSchema, resolveAlertSchema, type AcknowledgeAlertInput, type AlertListParams, type AssignAlertInput, type ResolveAlertInput } from "./schemas";
import type { AlertDetail, AlertList, AlertRow, Assignee } from "./views";

/** Who is asking, the database, and where the request came from (for the audit trail). */
export interface DetectionContext {
  db: PrismaClient;
  user: CurrentUser;
  request?: RequestContext;
  now?: () => Date;
}

/** Services check the permission themselves, so a page or action that forgot cannot skip it. */
function assertCan(ctx: DetectionContext, permission: Permission): void {
  if (!can(ctx.user.roles, permission)) throw new AppError("forbidden");
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const evidenceOf = (r: AlertRecord): Record<string, unknown> => (r.evidence && typeof r.evidence === "object" && !Array.isArray(r.evidence) ? (r.evidence as Record<string, unknown>) : {});

function toRow(r: AlertRecord): AlertRow {
  const e = evidenceOf(r);
  return {
    id: r.id, rule: r.rule, ruleLabel: ruleLabel(r.rule), severity: r.severity as Severity, subject: r.subject, status: r.status as AlertStatusName,
    assignee: r.assignee, count: r.count, firstSeen: r.firstSeen.toISOString(), lastSeen: r.lastSeen.toISOString(),
    summary: str(e.summary) || healthSummary(r.rule, e),
  };
}

/** lib/health alerts carry facts, not a sentence. */
function healthSummary(rule: string, e: Record<string, unknown>): string {
  if (rule === "certificate-expiring-7d") return `Certificate ${str(e.commonName) || str(e.serial)} expires ${str(e.notAfter)}`;
  if (rule === "lease-renewal-failure") return `${String(e.expiredLeases ?? "?")} leases of ${str(e.secretKey)} expired while still consumed`;
  return "";
}

function resolveAssignee(ctx: DetectionContext, value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === "none") return null;
  if (value === "me") return ctx.user.email;
  return value;
}

export async function listAlerts(ctx: DetectionContext, params: AlertListParams): Promise<AlertList> {
  assertCan(ctx, "alerts.read");
  const where = alertWhere(params, resolveAssignee(ctx, params.assignee));
  const dir = params.dir ?? (params.sort === "rule" || params.sort === "status" ? "asc" : "desc");
  const [rows, total] = await Promise.all([
    findAlerts(ctx.db, where, alertOrder(params.sort, dir), (params.page - 1) * params.pageSize, params.pageSize),
    countAlerts(ctx.db, where),
  ]);
  return { rows: rows.map(toRow), total, page: params.page, pageSize: params.pageSize };
}

/** Every alert the filters select, in batches, for the CSV download. */
export async function* openAlertExport(ctx: DetectionContext, params: AlertListParams): AsyncGenerator<AlertRow[]> {
  assertCan(ctx, "alerts.read");
  const where = alertWhere(params, resolveAssignee(ctx, params.assignee));
  const order = alertOrder(params.sort, params.dir ?? "desc");
  for (let skip = 0; ; skip += 1000) {
    const batch = await findAlerts(ctx.db, where, order, skip, 1000);
    if (batch.length > 0) yield batch.map(toRow);
    if (batch.length < 1000) return;
  }
}

export async function getAlertDetail(ctx: DetectionContext, id: string): Promise<AlertDetail> {
  assertCan(ctx, "alerts.read");
  const parsed = alertIdSchema.safeParse(id);
  const r = parsed.success ? await findAlert(ctx.db, parsed.data) : null;
  if (!r) throw new AppError("not_found", { userMessage: "There is no such alert." });
  const e = evidenceOf(r);
  const history = await findAlertHistory(ctx.db, r.id);
  const window = e.window as { start: string; end: string } | undefined;
  return {
    ...toRow(r),
    note: r.note,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    evidence: {
      window: window ?? null,
      remoteAddresses: (e.remoteAddresses as string[] | undefined) ?? [],
      identities: (e.identities as string[] | undefined) ?? [],
      distinctPaths: typeof e.distinctPaths === "number" ? e.distinctPaths : null,
      facts: (e.facts as Record<string, unknown> | undefined) ?? {},
      sample: (e.sample as AlertDetail["evidence"]["sample"] | undefined) ?? [],
      query: str(e.query) || null,
      raw: window ? {} : e,
    },
    history: history.map((h) => ({ time: h.time.toISOString(), actorEmail: h.actorEmail, action: h.action, details: (h.details ?? {}) as Record<string, unknown> })),
  };
}

export async function listAssignees(ctx: DetectionContext): Promise<Assignee[]> {
  assertCan(ctx, "alerts.triage");
  return findTriageUsers(ctx.db);
}

/**
 * One triage change: permission check, validation, a compare-and-set on the status, and the
 * portal audit record, all in one transaction (the record commits with the change or not at all).
 */
async function triage(ctx: DetectionContext, id: string, action: string, from: AlertStatusName[], data: (tx: DbClient) => Promise<Prisma.AlertUpdateManyMutationInput>, details: Record<string, unknown>): Promise<AlertRow> {
  return ctx.db.$transaction(async (tx) => {
    const before = await findAlert(tx, id);
    if (!before) throw new AppError("not_found", { userMessage: "There is no such alert." });
    const after = await updateAlertIfStatus(tx, id, from, await data(tx));
    if (!after) throw new AppError("conflict", { userMessage: `The alert is ${before.status}; reload to see its current state.` });
    await appendPortalAudit(tx, {
      actorEmail: ctx.user.email, actorRoles: ctx.user.roles, action, target: `alert:${id}`,
      ip: ctx.request?.ip ?? null, userAgent: ctx.request?.userAgent ?? null,
      details: { rule: before.rule, subject: before.subject, fromStatus: before.status, toStatus: after.status, ...details },
    });
    return toRow(after);
  });
}

export async function acknowledgeAlert(ctx: DetectionContext, input: AcknowledgeAlertInput): Promise<AlertRow> {
  assertCan(ctx, "alerts.triage");
  const { id } = acknowledgeAlertSchema.parse(input);
  return triage(ctx, id, "alerts.acknowledge", ["open"], async () => ({ status: "acknowledged", updatedAt: now(ctx) }), {});
}

export async function resolveAlert(ctx: DetectionContext, input: ResolveAlertInput): Promise<AlertRow> {
  assertCan(ctx, "alerts.triage");
  const { id, note } = resolveAlertSchema.parse(input);
  return triage(ctx, id, "alerts.resolve", ["open", "acknowledged"], async () => ({ status: "resolved", note, resolvedAt: now(ctx), updatedAt: now(ctx) }), { note });
}

export async function assignAlert(ctx: DetectionContext, input: AssignAlertInput): Promise<AlertRow> {
  assertCan(ctx, "alerts.triage");
  const { id, assignee } = assignAlertSchema.parse(input);
  return triage(ctx, id, "alerts.assign", ["open", "acknowledged"], async (tx) => {
    if (assignee && !(await isTriageUser(tx, assignee))) {
      throw new AppError("invalid_request", { userMessage: "Alerts can only be assigned to someone who may triage them (security or admin).", details: { field: "assignee" } });
    }
    return { assignee: assignee || null, updatedAt: now(ctx) };
  }, { assignee: assignee || null });
}

const now = (ctx: DetectionContext): Date => ctx.now?.() ?? new Date();
