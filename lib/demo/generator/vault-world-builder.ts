import type { VaultAuditDevice, VaultMount, VaultToken, VaultWorld } from "../vault-world";
import type { AccessModel } from "./access-model";
import { renderPolicyModel } from "./access-model";
import type { CompanyModel } from "./company";
import type { Rng } from "./prng";
import { buildPkiMount, type CertificateFact } from "./pki/pki-mount";
import { buildAuthMounts, buildIdentityGroups } from "./vault-identities";
import { buildLeases, type LeaseFacts } from "./vault-leases";
import { buildDatabaseMounts, buildKvMounts, buildOtherMounts } from "./vault-secrets";
import { accessorFor } from "./ids";

/** Tokens the stand-in accepts. Fixed ids so that tests and the default run can use them by name. */
export const DEMO_TOKENS = {
  root: "hvs.radius-root-demo",
  readonly: "hvs.radius-readonly-demo",
  writer: "hvs.radius-write-demo",
} as const;

export const AUDIT_FILE_PATH = "/var/log/vault/vault_audit.log";

export interface WorldBuild {
  world: VaultWorld;
  certificates: CertificateFact[];
  leases: LeaseFacts;
  approleIds: Map<string, string>;
}

export function buildVaultWorld(rng: Rng, company: CompanyModel, access: AccessModel, counts: { certificates: number; leases: number }, now: Date): WorldBuild {
  const kv = buildKvMounts(rng.fork("kv"), company, now);
  const db = buildDatabaseMounts(rng.fork("database"), company, access, now);
  const other = buildOtherMounts(rng.fork("other-mounts"), company);
  const pkiRng = rng.fork("pki");
  const { pki, facts } = buildPkiMount(pkiRng, company, counts.certificates, now);
  const pkiMount: VaultMount = { type: "pki", path: "pki", accessor: accessorFor(pkiRng, "pki"), description: "Internal service certificates", pki };

  const authRng = rng.fork("auth");
  const approleIds = new Map(access.identities.filter((i) => i.kind === "approle").map((i) => [i.key, authRng.uuid()]));
  const authMounts = buildAuthMounts(authRng, company, access, approleIds);
  const oidcAccessor = authMounts.find((m) => m.type === "oidc")?.accessor ?? "";
  const identityGroups = buildIdentityGroups(rng.fork("groups"), access, oidcAccessor);

  const policies: Record<string, string> = {};
  for (const p of access.policies) {
    const text = renderPolicyModel(p, "live");
    if (text !== null) policies[p.name] = text;
  }

  const tokenRng = rng.fork("tokens");
  const tokens: VaultToken[] = [
    { id: DEMO_TOKENS.root, accessor: tokenRng.hex(12), displayName: "root", policies: ["root"], ttlSeconds: 0 },
    { id: DEMO_TOKENS.readonly, accessor: tokenRng.hex(12), displayName: "token-radius-readonly", policies: ["default", "radius-readonly"], ttlSeconds: 0, meta: { purpose: "radius portal sync" } },
    { id: DEMO_TOKENS.writer, accessor: tokenRng.hex(12), displayName: "token-radius-write-test", policies: ["default", "demo-writer"], ttlSeconds: 0, meta: { purpose: "tests: the portal must refuse to sync with this token" } },
  ];
  const auditDevices: VaultAuditDevice[] = [{ path: "file", type: "file", description: "Audit log shipped to the SIEM", options: { file_path: AUDIT_FILE_PATH, format: "json", hmac_accessor: "true", mode: "0600" } }];
  const leases = buildLeases(rng.fork("leases"), company, counts.leases, now);
  const idRng = rng.fork("cluster");
  return {
    world: {
      clusterName: `vault-cluster-${idRng.hex(4)}`, clusterId: idRng.uuid(), version: "1.18.3", sealed: false,
      tokens, mounts: [...kv, ...db, ...other, pkiMount], authMounts, policies, identityGroups, leases: leases.leases, auditDevices,
    },
    certificates: facts, leases, approleIds,
  };
}
