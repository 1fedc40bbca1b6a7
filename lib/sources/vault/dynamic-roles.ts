/**
 * Database and AWS engines: every role is a secret whose value is minted on read.
 * database: LIST/GET `roles/*` -> `creds/<role>` (database-dynamic), LIST/GET `static-roles/*`
 * -> `static-creds/<role>` (database-static); aws: LIST/GET `roles/*` -> `creds/<role>`.
 * Only role definitions are read, never the creds paths. Environment/owner: see heuristics.ts.
 * Without custom metadata, `customMetadata` carries the role's descriptive fields (db_name, ...).
 */
import type { EngineKind, SecretRecord } from "@/lib/sync/snapshot-data";
import { getValidated, listKeys, type CollectContext } from "./collect-context";
import { inferRoleEnvironment, inferRoleOwner, type OwnerIndex } from "./heuristics";
import type { SecretMount } from "./mount-tables";
import { awsRoleSchema, dbRoleSchema, dbStaticRoleSchema } from "./schemas";

type RoleFacts = Pick<SecretRecord, "rotationPeriodSeconds" | "lastRotatedAt" | "leaseTtlSeconds" | "customMetadata">;

export async function collectDatabase(ctx: CollectContext, mount: SecretMount, owners: OwnerIndex): Promise<SecretRecord[]> {
  const [dynamic, statics] = await Promise.all([
    eachRole(ctx, mount, "roles", async (path) => {
      const role = await getValidated(ctx, path, dbRoleSchema);
      if (!role) return null;
      const { db_name, default_ttl, max_ttl } = role.data;
      // default_ttl 0 means "the mount's default": the role's max is then the best bound we know.
      return { rotationPeriodSeconds: null, lastRotatedAt: null, leaseTtlSeconds: default_ttl || max_ttl || null, customMetadata: { db_name, max_ttl: String(max_ttl) } };
    }),
    eachRole(ctx, mount, "static-roles", async (path) => {
      const role = await getValidated(ctx, path, dbStaticRoleSchema);
      if (!role) return null;
      const r = role.data;
      const custom: Record<string, string> = { db_name: r.db_name, username: r.username };
      if (r.rotation_schedule) custom.rotation_schedule = r.rotation_schedule;
      return {
        rotationPeriodSeconds: r.rotation_period ?? null,
        lastRotatedAt: r.last_vault_rotation ?? null,
        leaseTtlSeconds: null,
        customMetadata: custom,
      };
    }),
  ]);
  return [
    ...dynamic.map(([name, facts]) => roleRecord(ctx.cluster, mount.path, "creds", name, "database-dynamic", facts, owners)),
    ...statics.map(([name, facts]) => roleRecord(ctx.cluster, mount.path, "static-creds", name, "database-static", facts, owners)),
  ];
}

export async function collectAws(ctx: CollectContext, mount: SecretMount, owners: OwnerIndex): Promise<SecretRecord[]> {
  const roles = await eachRole(ctx, mount, "roles", async (path) => {
    const role = await getValidated(ctx, path, awsRoleSchema);
    if (!role) return null;
    const r = role.data;
    // iam_user credentials take the mount lease TTL (0 here); STS types carry their own.
    return { rotationPeriodSeconds: null, lastRotatedAt: null, leaseTtlSeconds: r.default_sts_ttl || r.max_sts_ttl || null, customMetadata: { credential_type: r.credential_type } };
  });
  return roles.map(([name, facts]) => roleRecord(ctx.cluster, mount.path, "creds", name, "aws", facts, owners));
}

async function eachRole(ctx: CollectContext, mount: SecretMount, collection: string, read: (path: string) => Promise<RoleFacts | null>): Promise<[string, RoleFacts][]> {
  const names = (await listKeys(ctx, `${mount.path}/${collection}`)) ?? [];
  const facts = await Promise.all(names.map(async (name) => [name, await read(`${mount.path}/${collection}/${encodeURIComponent(name)}`)] as const));
  return facts.filter((f): f is [string, RoleFacts] => f[1] !== null);
}

function roleRecord(cluster: string, mount: string, credsPrefix: string, role: string, engineKind: EngineKind, facts: RoleFacts, owners: OwnerIndex): SecretRecord {
  const path = `${credsPrefix}/${role}`;
  return {
    key: `${cluster}:${mount}/${path}`,
    cluster,
    mount,
    path,
    dataPath: `${mount}/${path}`,
    metadataPath: null,
    engineKind,
    lifecycle: engineKind === "database-static" ? "static" : "dynamic",
    environment: inferRoleEnvironment(mount, role),
    ownerTeam: inferRoleOwner(role, owners),
    classification: null,
    currentVersion: null,
    versions: [],
    createdTime: null,
    ...facts,
  };
}
