import type { DbConnection, DbRole, DbStaticRole, Iso, KvSecret, VaultMount } from "../vault-world";
import { canaryValue } from "./canary";
import { DB_MOUNT, KV_MOUNT, type CompanyModel, type KvSecretModel } from "./company";
import type { AccessModel } from "./access-model";
import { DB_LEASE_TTL } from "./distribution/consumers";
import { accessorFor } from "./ids";
import type { Rng } from "./prng";

const DAY = 86_400_000;

function kvSecret(rng: Rng, s: KvSecretModel, i: number, now: number): KvSecret {
  const versions = rng.int(1, 5);
  const created = now - rng.int(20, 400) * DAY - rng.int(0, DAY);
  const times = Array.from({ length: versions }, (_, v) => (v === 0 ? created : created + Math.round(((now - created) * v) / versions)));
  const iso = (t: number): Iso => new Date(t).toISOString();
  const data: Record<string, string> = s.name.startsWith("oauth-client")
    ? { client_id: canaryValue(rng), client_secret: canaryValue(rng) }
    : { value: canaryValue(rng) };
  return {
    path: s.path,
    createdTime: iso(created),
    updatedTime: iso(times[versions - 1] as number),
    currentVersion: versions,
    maxVersions: 0,
    casRequired: false,
    deleteVersionAfter: "0s",
    // A few secrets were created by hand without metadata: the portal must show "owner unknown".
    customMetadata: i % 97 === 13 ? null : { owner: `team-${s.team}`, rotation_period: s.rotationPeriod, classification: s.classification, environment: s.env, service: s.service },
    versions: Object.fromEntries(times.map((t, v) => [String(v + 1), { createdTime: iso(t), deletionTime: "", destroyed: false }])),
    data,
  };
}

export function buildKvMounts(rng: Rng, company: CompanyModel, now: Date): VaultMount[] {
  const byMount = new Map<string, KvSecret[]>([[KV_MOUNT.nonprod, []], [KV_MOUNT.prod, []]]);
  company.kvSecrets.forEach((s, i) => byMount.get(s.mount)?.push(kvSecret(rng, s, i, now.getTime())));
  return [
    { type: "kv", path: KV_MOUNT.nonprod, version: 2, accessor: accessorFor(rng, "kv"), description: "Application secrets: dev and staging", secrets: byMount.get(KV_MOUNT.nonprod) ?? [] },
    { type: "kv", path: KV_MOUNT.prod, version: 2, accessor: accessorFor(rng, "kv"), description: "Application secrets: production", secrets: byMount.get(KV_MOUNT.prod) ?? [] },
  ];
}

export function buildDatabaseMounts(rng: Rng, company: CompanyModel, access: AccessModel, now: Date): VaultMount[] {
  return (["nonprod", "prod"] as const).map((tier): VaultMount => {
    const connections: DbConnection[] = [];
    const roles: DbRole[] = [];
    for (const team of company.teams) {
      const dbServices = company.services.filter((s) => s.team === team.name && s.hasDatabase);
      const isStaticHome = tier === "prod" && team.name === access.contractorTeam;
      if (dbServices.length === 0 && !isStaticHome) continue;
      const dbName = `${team.name}-postgres`;
      connections.push({
        name: dbName, pluginName: "postgresql-database-plugin",
        connectionUrl: `postgresql://{{username}}:{{password}}@${team.name}-db.${tier}.acme.internal:5432/${team.name.replace(/-/g, "_")}`,
        allowedRoles: [...dbServices.map((s) => s.name), ...(isStaticHome ? [access.staticRole.name] : [])],
        username: "vault", password: canaryValue(rng),
      });
      for (const s of dbServices) {
        roles.push({
          name: s.name, dbName, defaultTtl: DB_LEASE_TTL, maxTtl: 604_800,
          creationStatements: [`CREATE ROLE "{{name}}" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';`, `GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA ${s.name.replace(/-/g, "_")} TO "{{name}}";`],
        });
      }
    }
    const staticRoles: DbStaticRole[] = tier === "prod"
      ? [{ name: access.staticRole.name, dbName: `${access.contractorTeam}-postgres`, username: "reporting", rotationPeriod: 2_592_000, lastVaultRotation: new Date(now.getTime() - 9 * DAY).toISOString(), password: canaryValue(rng) }]
      : [];
    return { type: "database", path: DB_MOUNT[tier], accessor: accessorFor(rng, "database"), description: `Dynamic PostgreSQL credentials (${tier})`, connections, roles, staticRoles };
  });
}

export function buildOtherMounts(rng: Rng, company: CompanyModel): VaultMount[] {
  return [
    {
      type: "aws", path: "aws", accessor: accessorFor(rng, "aws"), description: "Short-lived AWS credentials for CI deploys",
      roles: company.teams.map((t) => ({ name: `deploy-${t.name}`, credentialType: "assumed_role" as const, policyArns: [], roleArns: [`arn:aws:iam::123456789012:role/deploy-${t.name}`], defaultStsTtl: 900, maxStsTtl: 3600 })),
    },
    { type: "transit", path: "transit", accessor: accessorFor(rng, "transit"), description: "Encryption as a service", keys: company.teams.map((t) => `${t.name}-data`) },
  ];
}
