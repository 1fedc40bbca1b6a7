/**
 * Test-only helpers: a tiny parser of Vault's file audit device format that inserts the demo log
 * into audit_events, standing in for the real ingestion (lib/sources/audit) so the rules are
 * tested on their own. It resolves what the ingestion is expected to: identity keys of failed
 * logins from the HMAC'd role field (via the device salt), root tokens, policies, accessors.
 */
import { createHmac } from "node:crypto";
import type { PrismaClient } from "@/lib/db/create-client";
import { detectionSettingsFromEnv, type DetectionSettings } from "./settings";

/** The parts of the demo's ground-truth.json these helpers read (structural: lib/ does not import lib/demo). */
export interface AuditGroundTruth {
  audit: { hmacKey: string; signals: { roleHmac?: string; identity: string | null }[] };
  identities: { key: string }[];
  businessHours: { timeZone: string; days: string[]; start: string; end: string };
  network: { serviceCidrs: string[] };
}

interface AuditLine {
  time: string;
  type: "request" | "response";
  error?: string;
  auth?: { accessor?: string; display_name?: string; policies?: string[]; entity_id?: string; token_type?: string };
  request: { id: string; operation: string; path: string; mount_point?: string; remote_address?: string; data?: Record<string, unknown> };
}

export function roleResolver(gt: AuditGroundTruth): Map<string, string> {
  const h = (v: string) => `hmac-sha256:${createHmac("sha256", gt.audit.hmacKey).update(v).digest("hex")}`;
  const byHmac = new Map<string, string>();
  for (const id of gt.identities) {
    const [kind, , role] = id.key.split(":");
    if ((kind === "kubernetes" || kind === "jwt") && role) byHmac.set(h(role), id.key);
  }
  // AppRole logins carry a role_id (a UUID), not the name: ground truth names the planted one.
  for (const s of gt.audit.signals) if (s.roleHmac && s.identity) byHmac.set(s.roleHmac, s.identity);
  return byHmac;
}

export function parseAuditLog(text: string, roles: Map<string, string>) {
  return text.trimEnd().split("\n").map((raw) => {
    const l = JSON.parse(raw) as AuditLine;
    const policies = l.auth?.policies ?? [];
    const role = l.request.data?.role ?? l.request.data?.role_id;
    const identityKey = !l.auth?.accessor && typeof role === "string" ? (roles.get(role) ?? null) : null;
    return {
      time: new Date(l.time),
      cluster: "primary",
      type: l.type,
      operation: l.request.operation,
      path: l.request.path,
      mount: l.request.mount_point ?? null,
      remoteAddress: l.request.remote_address ?? null,
      tokenAccessor: l.auth?.accessor ?? null,
      entityId: l.auth?.entity_id || null,
      displayName: l.auth?.display_name ?? null,
      identityKey,
      secretKey: null,
      policies,
      tokenType: l.auth?.token_type ?? null,
      isRoot: policies.includes("root"),
      error: l.error ?? null,
      requestId: l.request.id,
    };
  });
}

/** Inserts both lines of every request (the rules must count each request once). */
export async function insertAuditLog(db: PrismaClient, text: string, gt: AuditGroundTruth): Promise<number> {
  const rows = parseAuditLog(text, roleResolver(gt));
  for (let i = 0; i < rows.length; i += 5000) await db.auditEvent.createMany({ data: rows.slice(i, i + 5000) });
  return rows.length;
}

/** The demo's business hours and service networks, as a deployment would configure them. */
export function demoSettings(gt: AuditGroundTruth, overrides: Record<string, string> = {}): DetectionSettings {
  const days = gt.businessHours.days;
  return detectionSettingsFromEnv({
    BUSINESS_TIMEZONE: gt.businessHours.timeZone,
    BUSINESS_HOURS: `${gt.businessHours.start}-${gt.businessHours.end}`,
    BUSINESS_DAYS: `${days[0]}-${days[days.length - 1]}`,
    KNOWN_SERVICE_CIDRS: gt.network.serviceCidrs.join(","),
    NEXTAUTH_URL: "http://radius.test",
    ...overrides,
  });
}
