/**
 * One PKI mount's roles, issuers (+ CRL freshness of the default issuer). Certificates are read in
 * collect-certificates.ts, which needs the roles first to infer each certificate's role.
 */
import type { IssuerRecord, PkiRoleRecord } from "@/lib/health/records";
import { addProblem, attempt, type HealthCollectContext } from "./context";
import { parseCertificatePem } from "./parse-certificate";
import { parseCrl, type CrlTimes } from "./parse-crl";
import { describeIssues, issuerReadSchema, pkiRoleSchema } from "./schemas";

export async function collectPkiRoles(ctx: HealthCollectContext, mount: string): Promise<PkiRoleRecord[]> {
  const names = (await attempt(ctx, "LIST", `${mount}/roles`, () => ctx.reader.list(`${mount}/roles`))) ?? [];
  const roles = await Promise.all(
    names.map(async (name): Promise<PkiRoleRecord | null> => {
      const path = `${mount}/roles/${encodeURIComponent(name)}`;
      const body = await attempt(ctx, "GET", path, () => ctx.reader.read(path));
      if (!body) return null;
      const parsed = pkiRoleSchema.safeParse(body);
      if (!parsed.success) return (addProblem(ctx, "GET", path, `unexpected response: ${describeIssues(parsed.error)}`), null);
      const r = parsed.data.data;
      return {
        cluster: ctx.cluster, mount, name,
        allowedDomains: r.allowed_domains ?? [],
        allowSubdomains: r.allow_subdomains ?? false,
        allowBareDomains: r.allow_bare_domains ?? false,
        allowAnyName: r.allow_any_name ?? false,
        keyType: r.key_type ?? null,
        keyBits: r.key_bits ?? null,
        ttlSeconds: r.ttl ?? null,
        maxTtlSeconds: r.max_ttl ?? null,
      };
    }),
  );
  return roles.filter((r): r is PkiRoleRecord => r !== null);
}

export async function collectIssuers(ctx: HealthCollectContext, mount: string): Promise<IssuerRecord[]> {
  const [ids, defaultIssuer, crl] = await Promise.all([
    attempt(ctx, "LIST", `${mount}/issuers`, () => ctx.reader.list(`${mount}/issuers`)),
    attempt(ctx, "GET", `${mount}/issuer/default`, () => ctx.reader.read<{ issuer_id?: string }>(`${mount}/issuer/default`)),
    readCrl(ctx, mount),
  ]);
  const defaultId = defaultIssuer?.data?.issuer_id ?? null;
  const issuers = await Promise.all(
    (ids ?? []).map(async (id): Promise<IssuerRecord | null> => {
      const path = `${mount}/issuer/${encodeURIComponent(id)}`;
      const body = await attempt(ctx, "GET", path, () => ctx.reader.read(path));
      if (!body) return null;
      const parsed = issuerReadSchema.safeParse(body);
      if (!parsed.success) return (addProblem(ctx, "GET", path, `unexpected response: ${describeIssues(parsed.error)}`), null);
      const d = parsed.data.data;
      let commonName: string | null = null;
      let notAfter: string | null = null;
      if (d.certificate) {
        try {
          const cert = parseCertificatePem(d.certificate);
          commonName = cert.commonName;
          notAfter = cert.notAfter;
        } catch (error) {
          addProblem(ctx, "GET", path, `issuer certificate does not parse: ${(error as Error).message}`, "warning");
        }
      }
      const isDefault = d.issuer_id === defaultId;
      return {
        cluster: ctx.cluster, mount, issuerId: d.issuer_id, name: d.issuer_name || null, commonName, notAfter, isDefault,
        // crl/pem is the default issuer's CRL; other issuers' CRLs are not read (one request per mount).
        crlThisUpdate: isDefault ? (crl?.thisUpdate ?? null) : null,
        crlNextUpdate: isDefault ? (crl?.nextUpdate ?? null) : null,
      };
    }),
  );
  return issuers.filter((i): i is IssuerRecord => i !== null);
}

/** GET <mount>/crl/pem answers raw PEM (the reader hands the text back); a JSON envelope is accepted too. */
async function readCrl(ctx: HealthCollectContext, mount: string): Promise<CrlTimes | null> {
  const path = `${mount}/crl/pem`;
  const body: unknown = await attempt(ctx, "GET", path, () => ctx.reader.read(path));
  if (body === null) return null;
  const data = typeof body === "object" ? (body as { data?: { crl?: unknown; certificate?: unknown } }).data : undefined;
  const pem = typeof body === "string" ? body : typeof data?.crl === "string" ? data.crl : typeof data?.certificate === "string" ? data.certificate : null;
  if (!pem) return (addProblem(ctx, "GET", path, "unexpected response: no CRL in the body"), null);
  try {
    return parseCrl(pem);
  } catch (error) {
    addProblem(ctx, "GET", path, `CRL does not parse: ${(error as Error).message}`);
    return null;
  }
}
