/**
 * zod schemas for every Vault response the connector reads (shapes: reference/vault-api.md).
 * Only the fields the inventory uses are declared; unknown fields pass (Vault adds fields between
 * versions). Nullable where Vault serialises nil lists/maps as null.
 */
import { z } from "zod";

const strList = z.array(z.string());
/** Vault answers nil lists as null; both mean "none". */
const optList = strList.nullish().transform((v) => v ?? []);
const seconds = z.number().nonnegative();

/** The standard envelope: `data` holds the answer (sys/* endpoints also copy it to the top level). */
export const envelope = <T extends z.ZodType>(data: T) => z.object({ data });

export const healthSchema = z.object({
  sealed: z.boolean(),
  version: z.string(),
  cluster_name: z.string().optional(),
  cluster_id: z.string().optional(),
});

const mountEntry = z.object({
  type: z.string(),
  accessor: z.string(),
  options: z.record(z.string(), z.string()).nullish(),
});
export const mountTableSchema = envelope(z.record(z.string(), mountEntry));
export type MountEntry = z.infer<typeof mountEntry>;

export const kvMetadataSchema = envelope(
  z.object({
    created_time: z.string(),
    updated_time: z.string(),
    current_version: z.number().int().nonnegative(),
    custom_metadata: z.record(z.string(), z.string()).nullish(),
    versions: z.record(
      z.string().regex(/^\d+$/),
      z.object({ created_time: z.string(), deletion_time: z.string(), destroyed: z.boolean() }),
    ),
  }),
);
export type KvMetadata = z.infer<typeof kvMetadataSchema>["data"];

export const dbRoleSchema = envelope(z.object({ db_name: z.string(), default_ttl: seconds, max_ttl: seconds }));

export const dbStaticRoleSchema = envelope(
  z.object({
    db_name: z.string(),
    username: z.string(),
    // Either a period (seconds) or a cron schedule (reference §10).
    rotation_period: seconds.optional(),
    rotation_schedule: z.string().optional(),
    last_vault_rotation: z.string().optional(),
  }),
);

export const awsRoleSchema = envelope(
  z.object({ credential_type: z.string(), default_sts_ttl: seconds.optional(), max_sts_ttl: seconds.optional() }),
);

export const policySchema = envelope(z.object({ name: z.string(), policy: z.string() }));

/** tokenutil.PopulateTokenData fields, shared by every auth role; legacy `policies` when set. */
const tokenFields = {
  token_policies: optList,
  policies: optList.optional(),
  token_ttl: seconds.optional(),
  token_max_ttl: seconds.optional(),
};

export const kubernetesRoleSchema = envelope(
  z.object({
    bound_service_account_names: optList,
    bound_service_account_namespaces: optList,
    audience: z.string().optional(),
    ...tokenFields,
  }),
);

export const jwtRoleSchema = envelope(
  z.object({
    role_type: z.enum(["jwt", "oidc"]).optional(),
    bound_audiences: optList,
    bound_subject: z.string().optional(),
    bound_claims: z.record(z.string(), z.union([z.string(), strList])).nullish(),
    user_claim: z.string(),
    groups_claim: z.string().optional(),
    ...tokenFields,
  }),
);

export const appRoleSchema = envelope(
  z.object({
    bind_secret_id: z.boolean(),
    secret_id_bound_cidrs: optList,
    token_bound_cidrs: optList.optional(),
    ...tokenFields,
  }),
);

export const identityGroupSchema = envelope(
  z.object({
    id: z.string(),
    name: z.string(),
    type: z.enum(["internal", "external"]),
    policies: optList,
    member_group_ids: optList,
    member_entity_ids: optList,
    metadata: z.record(z.string(), z.string()).nullish(),
    // Vault sends {} (not null) when the group has no alias.
    alias: z
      .object({ name: z.string().optional(), mount_accessor: z.string().optional(), mount_path: z.string().optional() })
      .nullish(),
  }),
);

export const auditDevicesSchema = envelope(z.record(z.string(), z.object({ type: z.string(), path: z.string().optional() })));
