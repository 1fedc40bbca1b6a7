import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { findConsumers } from "./consumers-repository";
import { CERTIFICATE_EXPIRING_DAYS, type CertificateListParams, type CertificateSort, type CertificateStatus } from "./schemas";
import { CERT_WEAK, cappedCountSql, iso, mountFilter, searchWords, toCapped, whereAll } from "./sql";
import type { CertificateRow, PageOf } from "./types";

interface CertificateRecordRow {
  cluster: string; issuer_mount: string; serial: string; common_name: string | null; sans: string[]; not_before: Date; not_after: Date;
  revoked: boolean; revoked_at: Date | null; role: string | null; key_type: string | null; key_bits: number | null; weak: boolean;
  secret_id: string | null; secret_key: string | null; team: string | null; environment: string | null;
}

const ORDER: Record<CertificateSort, Record<"asc" | "desc", Prisma.Sql>> = {
  expires: { asc: Prisma.sql`c.not_after ASC, c.serial`, desc: Prisma.sql`c.not_after DESC, c.serial` },
  name: { asc: Prisma.sql`c.common_name ASC NULLS LAST, c.serial`, desc: Prisma.sql`c.common_name DESC NULLS LAST, c.serial` },
  mount: { asc: Prisma.sql`c.issuer_mount ASC, c.not_after`, desc: Prisma.sql`c.issuer_mount DESC, c.not_after` },
  role: { asc: Prisma.sql`c.role ASC NULLS LAST, c.not_after`, desc: Prisma.sql`c.role DESC NULLS LAST, c.not_after` },
  key: { asc: Prisma.sql`c.key_type ASC NULLS LAST, c.key_bits ASC NULLS LAST, c.serial`, desc: Prisma.sql`c.key_type DESC NULLS LAST, c.key_bits DESC NULLS LAST, c.serial` },
};

function statusCondition(status: CertificateStatus, now: Date): Prisma.Sql {
  const soon = new Date(now.getTime() + CERTIFICATE_EXPIRING_DAYS * 86_400_000);
  switch (status) {
    case "revoked": return Prisma.sql`c.revoked`;
    case "expired": return Prisma.sql`NOT c.revoked AND c.not_after < ${now}`;
    case "expiring": return Prisma.sql`NOT c.revoked AND c.not_after >= ${now} AND c.not_after < ${soon}`;
    case "weak": return CERT_WEAK;
    case "valid": return Prisma.sql`NOT c.revoked AND c.not_after >= ${soon}`;
  }
}

function fromWhere(snapshotId: string, p: CertificateListParams, now: Date): Prisma.Sql {
  const w: Prisma.Sql[] = [Prisma.sql`c.snapshot_id = ${snapshotId}::uuid`];
  w.push(...searchWords(Prisma.sql`(coalesce(c.common_name, '') || ' ' || c.serial || ' ' || array_to_string(c.sans, ' '))`, p.q));
  w.push(...mountFilter(Prisma.sql`c.cluster`, Prisma.sql`c.issuer_mount`, p.mount));
  if (p.role) w.push(Prisma.sql`c.role = ${p.role}`);
  if (p.team) w.push(Prisma.sql`s.owner_team = ${p.team}`);
  if (p.environment) w.push(Prisma.sql`s.environment = ${p.environment}`);
  if (p.status) w.push(statusCondition(p.status, now));
  if (p.days !== undefined) w.push(Prisma.sql`c.not_after < ${new Date(now.getTime() + p.days * 86_400_000)}`);
  return Prisma.sql`FROM certificates c LEFT JOIN secrets s ON s.id = c.secret_id ${whereAll(w)}`;
}

const COLUMNS = Prisma.sql`c.cluster, c.issuer_mount, c.serial, c.common_name, c.sans, c.not_before, c.not_after, c.revoked, c.revoked_at,
  c.role, c.key_type, c.key_bits, ${CERT_WEAK} AS weak, c.secret_id::text AS secret_id, s.key AS secret_key, s.owner_team AS team, s.environment`;

export function certificateStatus(r: { revoked: boolean; not_after: Date }, now: Date): CertificateStatus {
  if (r.revoked) return "revoked";
  const t = r.not_after.getTime();
  if (t < now.getTime()) return "expired";
  if (t < now.getTime() + CERTIFICATE_EXPIRING_DAYS * 86_400_000) return "expiring";
  return "valid";
}

async function toRows(db: DbClient, records: CertificateRecordRow[], now: Date): Promise<CertificateRow[]> {
  const consumers = await findConsumers(db, records.flatMap((r) => (r.secret_id ? [r.secret_id] : [])));
  return records.map((r) => {
    const c = r.secret_id ? consumers.get(r.secret_id) : undefined;
    return {
      cluster: r.cluster, mount: r.issuer_mount, serial: r.serial, commonName: r.common_name, sans: r.sans, notBefore: r.not_before.toISOString(),
      notAfter: r.not_after.toISOString(), revoked: r.revoked, revokedAt: iso(r.revoked_at), role: r.role, keyType: r.key_type, keyBits: r.key_bits,
      weak: r.weak === true, status: certificateStatus(r, now), secretKey: r.secret_key, team: r.team, environment: r.environment,
      consumers: c?.consumers ?? [], consumerCount: c?.count ?? 0,
    };
  });
}

export async function findCertificatePage(db: DbClient, snapshotId: string, p: CertificateListParams, now: Date): Promise<PageOf<CertificateRow>> {
  const fw = fromWhere(snapshotId, p, now);
  const order = ORDER[p.sort][p.dir ?? "asc"];
  const [records, counted] = await Promise.all([
    db.$queryRaw<CertificateRecordRow[]>`SELECT ${COLUMNS} ${fw} ORDER BY ${order} LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
    db.$queryRaw<{ n: number }[]>(cappedCountSql(fw)),
  ]);
  return { rows: await toRows(db, records, now), ...toCapped(counted[0]?.n), page: p.page, pageSize: p.pageSize };
}

export async function* iterateCertificates(db: DbClient, snapshotId: string, p: CertificateListParams, now: Date): AsyncGenerator<CertificateRow[]> {
  const fw = fromWhere(snapshotId, p, now);
  const order = ORDER[p.sort][p.dir ?? "asc"];
  for (let offset = 0; ; offset += 2_000) {
    const records = await db.$queryRaw<CertificateRecordRow[]>`SELECT ${COLUMNS} ${fw} ORDER BY ${order}, c.id LIMIT 2000 OFFSET ${offset}`;
    if (records.length > 0) yield await toRows(db, records, now);
    if (records.length < 2_000) return;
  }
}
