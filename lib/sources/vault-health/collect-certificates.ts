/**
 * PKI certificates of every given mount: LIST <mount>/certs, GET <mount>/cert/<serial> each,
 * parsed with Node's X509Certificate; revoked from LIST <mount>/certs/revoked (and the cert's own
 * revocation_time); roles and issuers (+ CRL freshness) per mount. A certificate that does not
 * parse is a problem and is skipped; the rest are collected.
 */
import type { VaultReader } from "@/lib/vault";
import type { CertificateRecord, HealthProblem, IssuerRecord, PkiRoleRecord } from "@/lib/health/records";
import { addProblem, attempt, createHealthContext, forEachChunked, isoOrNull, type HealthCollectContext } from "./context";
import { collectIssuers, collectPkiRoles } from "./collect-pki-mount";
import { inferRole } from "./infer-role";
import { parseCertificatePem } from "./parse-certificate";
import { certReadSchema, describeIssues } from "./schemas";

export interface CollectCertificatesOptions {
  cluster: string;
  /** PKI mount paths without trailing slash ("pki", "pki-int"). */
  pkiMounts: string[];
  concurrency: number;
  signal?: AbortSignal;
}

export interface CollectedCertificates {
  certificates: CertificateRecord[];
  issuers: IssuerRecord[];
  roles: PkiRoleRecord[];
  problems: HealthProblem[];
  requestCount: number;
}

const GONE = Symbol("gone");
const normalizeSerial = (s: string) => s.trim().toLowerCase().replace(/-/g, ":");

export async function collectCertificates(reader: VaultReader, options: CollectCertificatesOptions): Promise<CollectedCertificates> {
  const ctx = createHealthContext(reader, options.cluster, options.concurrency, options.signal);
  const perMount = await Promise.all(options.pkiMounts.map((m) => collectMount(ctx, m.replace(/\/+$/, ""))));
  return {
    certificates: perMount.flatMap((m) => m.certificates),
    issuers: perMount.flatMap((m) => m.issuers),
    roles: perMount.flatMap((m) => m.roles),
    problems: ctx.problems,
    requestCount: ctx.requestCount,
  };
}

async function collectMount(ctx: HealthCollectContext, mount: string) {
  const [serials, revokedList, roles, issuers] = await Promise.all([
    attempt(ctx, "LIST", `${mount}/certs`, () => ctx.reader.list(`${mount}/certs`)),
    attempt(ctx, "LIST", `${mount}/certs/revoked`, () => ctx.reader.list(`${mount}/certs/revoked`)),
    collectPkiRoles(ctx, mount),
    collectIssuers(ctx, mount),
  ]);
  const revoked = new Set((revokedList ?? []).map(normalizeSerial));
  const certificates: CertificateRecord[] = [];
  await forEachChunked(serials ?? [], 1_000, async (serial) => {
    const record = await readCertificate(ctx, mount, normalizeSerial(serial), revoked, roles);
    if (record) certificates.push(record);
  });
  certificates.sort((a, b) => (a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0));
  return { certificates, issuers, roles };
}

async function readCertificate(ctx: HealthCollectContext, mount: string, serial: string, revoked: Set<string>, roles: PkiRoleRecord[]): Promise<CertificateRecord | null> {
  const path = `${mount}/cert/${serial}`;
  const body = await attempt(ctx, "GET", path, async () => (await ctx.reader.read(path)) ?? GONE);
  if (body === null) return null; // failed: attempt recorded the problem
  if (body === GONE) return (addProblem(ctx, "GET", path, "listed but not found (tidied during the sync?)", "warning"), null);
  const parsed = certReadSchema.safeParse(body);
  if (!parsed.success) return (addProblem(ctx, "GET", path, `unexpected response: ${describeIssues(parsed.error)}`), null);
  let cert;
  try {
    cert = parseCertificatePem(parsed.data.data.certificate);
  } catch (error) {
    addProblem(ctx, "GET", path, `certificate does not parse: ${(error as Error).message}`);
    return null;
  }
  const revokedAt = (parsed.data.data.revocation_time ?? 0) > 0 ? isoOrNull(parsed.data.data.revocation_time_rfc3339) ?? new Date(parsed.data.data.revocation_time! * 1000).toISOString() : null;
  const role = inferRole(roles, cert, cert.keyType);
  return {
    cluster: ctx.cluster,
    issuerMount: mount,
    serial,
    commonName: cert.commonName,
    sans: cert.sans,
    issuer: cert.issuer,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    revoked: revoked.has(serial) || revokedAt !== null,
    revokedAt,
    role,
    keyType: cert.keyType,
    keyBits: cert.keyBits,
    curve: cert.curve,
    secretKey: role ? `${ctx.cluster}:${mount}/issue/${role}` : null,
  };
}
