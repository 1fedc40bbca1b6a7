import "server-only";
/**
 * ChangeFacts from the active snapshot. Policies come back as the sync parsed them (the stored
 * rules, validated here: it is JSON), so nothing is re-parsed; a policy stored with a parse
 * error is left out of evaluation, as grant materialisation does.
 */
import { z } from "zod";
import { CAPABILITIES, type ParsedPolicy } from "@/lib/policy";
import type { DbClient } from "@/lib/db/create-client";
import type { IdentityRecord } from "@/lib/sync/snapshot-data";
import { metadataPathOf, type ChangeFacts, type PolicyFact, type SecretFact } from "./facts";
import { findIdentityRows, findKvMountRows, findMembershipRows, findPolicyRows, findSecretRow, findSecretRowsUnder } from "./snapshot-repository";

/** At most this many secrets are evaluated for one change (a rule on "*" matches everything). */
const MAX_CANDIDATES = 200_000;

const rulesSchema = z.array(
  z.object({
    path: z.string(),
    kind: z.enum(["exact", "prefix", "segment"]),
    capabilities: z.array(z.enum(CAPABILITIES)),
    templated: z.boolean(),
    line: z.number().nullable().catch(null),
  }).transform((r) => ({ ...r, constraints: [] })),
);

export async function loadChangeFacts(db: DbClient, snapshotId: string): Promise<ChangeFacts> {
  const [identities, memberships, policies, kvMounts] = await Promise.all([
    findIdentityRows(db, snapshotId),
    findMembershipRows(db, snapshotId),
    findPolicyRows(db, snapshotId),
    findKvMountRows(db, snapshotId),
  ]);
  return {
    snapshotId,
    identities: identities.map((i): IdentityRecord => ({ ...i, kind: i.kind, bindings: asObject(i.bindings) })),
    memberships: memberships.map((m) => ({ groupKey: m.group_key, memberKey: m.member_key })),
    policies: policies.map(toPolicyFact),
    kvMounts,
    async secret(key) {
      const row = await findSecretRow(db, snapshotId, key);
      if (!row) return null;
      return {
        ...row,
        metadataPath: metadataPathOf(row),
        customMetadata: Object.fromEntries(Object.entries(asObject(row.customMetadata)).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
      } satisfies SecretFact;
    },
    async secretsUnder(cluster, prefixes) {
      const rows = await findSecretRowsUnder(db, snapshotId, cluster, prefixes, MAX_CANDIDATES);
      return rows.map((r) => ({
        key: r.key, cluster: r.cluster, mount: r.mount, path: r.path, engineKind: r.engine_kind, dataPath: r.data_path,
        metadataPath: metadataPathOf({ engineKind: r.engine_kind, mount: r.mount, path: r.path }),
        environment: null, ownerTeam: null, classification: null, rotationPeriodSeconds: null, customMetadata: {},
      }));
    },
  };
}

function toPolicyFact(row: Awaited<ReturnType<typeof findPolicyRows>>[number]): PolicyFact {
  const rules = rulesSchema.safeParse(row.rules);
  const parsed: ParsedPolicy | null = row.parseError === null && rules.success ? { name: row.name, rules: rules.data, templated: row.templated, errors: [] } : null;
  return { cluster: row.cluster, name: row.name, origin: row.origin, rawHcl: row.rawHcl, parsed };
}

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
