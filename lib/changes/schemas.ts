/**
 * Change requests as the forms submit them: one zod schema per kind, shared by the client forms
 * (field-level messages) and the server (which parses again; never trusts the client). Every value
 * that reaches Terraform is bounded here by a strict pattern, so the renderer (lib/changes/render)
 * only ever sees identifiers and plain text it can escape. Safe for the client (no server imports).
 */
import { z } from "zod";

export const CHANGE_KINDS = ["secret.create", "access.grant", "access.revoke", "rotation.update", "policy.codify"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export const ACCESS_LEVELS = ["read", "list"] as const;

/** A Vault mount path: "kv-prod", "team/kv". Lower case, digits, "-", "_", "/" between parts. */
export const mountSchema = z
  .string()
  .trim()
  .min(1, "Choose a mount")
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/, "Lower-case letters, digits, - and _ only (parts separated by /)");

/** A KV path below the mount: segments of [A-Za-z0-9._-], no "." or ".." segments, no leading "/". */
export const secretPathSchema = z
  .string()
  .trim()
  .min(1, "Enter a path")
  .max(256, "At most 256 characters")
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/, "Segments of letters, digits, ., - and _ separated by / (no leading /, no empty segment)")
  .refine((p) => !p.split("/").some((s) => s === "." || s === ".." || s.includes("..")), "No . or .. segments");

const slug = (label: string) =>
  z.string().trim().min(1, `Enter ${label}`).max(40).regex(/^[a-z][a-z0-9-]*$/, "Lower-case letters, digits and - (starting with a letter)");

/** Free text shown in the PR and stored as metadata: printable, single line unless stated. */
const line = (min: number, max: number, label: string) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `${label}: at least ${min} characters` : `Enter ${label}`)
    .max(max, `${label}: at most ${max} characters`)
    .refine((v) => !INVISIBLE_OR_CONTROL.test(v), `${label}: no control or bidirectional characters`)
    .refine((v) => !LONE_SURROGATE.test(v), `${label}: not valid Unicode text`)
    // Terraform (HCL) stores strings in Unicode NFC; normalising here keeps stored = rendered.
    .transform((v) => v.normalize("NFC"));

/**
 * C0/C1 controls, line/paragraph separators, bidirectional overrides and marks, zero-width and
 * other invisible formatting characters: they can make a PR read differently from what it does.
 */
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;
/** Half of a surrogate pair on its own: not text, and not representable in HCL or UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "<cluster>:<auth mount>/<role>" or "<cluster>:group/<name>" (lib/sources/vault key format). */
export const identityKeySchema = z
  .string()
  .trim()
  .max(300)
  .regex(/^[A-Za-z0-9._-]+:[a-z0-9][a-z0-9_/-]*\/[A-Za-z0-9._@-]+$/, "Not an identity key");

/** "<cluster>:<mount>/<path>" (lib/sync snapshot key format). */
export const secretKeySchema = z.string().trim().max(400).regex(/^[A-Za-z0-9._-]+:[a-z0-9][a-z0-9_/-]*\/[A-Za-z0-9._/-]+$/, "Not a secret key");

const reason = line(10, 2000, "Reason");

const clusterSchema = z.string().trim().min(1, "Choose a cluster").max(100).regex(/^[A-Za-z0-9._-]+$/, "Not a cluster name");

export const secretCreateSchema = z.object({
  kind: z.literal("secret.create"),
  cluster: clusterSchema,
  mount: mountSchema,
  path: secretPathSchema,
  environment: slug("an environment"),
  ownerTeam: slug("a team"),
  description: line(1, 300, "Description"),
  classification: z.enum(CLASSIFICATIONS, { message: "Choose a classification" }),
  rotationPeriodDays: z.coerce.number({ message: "Enter a number of days" }).int("Whole days").min(1, "At least 1 day").max(3650, "At most 3650 days"),
  engine: z.literal("kv-v2"),
  readers: z.array(identityKeySchema).max(50, "At most 50 identities").default([]),
  reason,
});

export const accessGrantSchema = z.object({
  kind: z.literal("access.grant"),
  identityKey: identityKeySchema,
  secretKey: secretKeySchema,
  access: z.enum(ACCESS_LEVELS, { message: "Choose read or list" }),
  reason,
});

export const accessRevokeSchema = z.object({
  kind: z.literal("access.revoke"),
  identityKey: identityKeySchema,
  secretKey: secretKeySchema,
  /** Where the request came from (a secret page, an identity page, a review decision). */
  origin: z.enum(["secret", "identity", "review"]).default("secret"),
  reviewId: z.string().uuid().optional(),
  reason,
});

export const rotationUpdateSchema = z.object({
  kind: z.literal("rotation.update"),
  secretKey: secretKeySchema,
  rotationPeriodDays: z.coerce.number({ message: "Enter a number of days" }).int("Whole days").min(1, "At least 1 day").max(3650, "At most 3650 days"),
  reason,
});

/** Vault policy names: Vault lower-cases them; letters, digits, ".", "_", "-" (no "/", no spaces). */
export const policyNameSchema = z
  .string()
  .trim()
  .min(1, "Choose a policy")
  .max(128, "At most 128 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Lower-case letters, digits, ., - and _ only");

/**
 * "Bring a click-ops policy into Terraform": the policy exists in live Vault only; the change adds
 * a `vault_policy` (plus an `import` block) carrying the live text unchanged.
 */
export const policyCodifySchema = z.object({
  kind: z.literal("policy.codify"),
  cluster: clusterSchema,
  policyName: policyNameSchema,
  /** Optional: the team whose Terraform file receives the policy (TERRAFORM_CHANGES_FILE). */
  ownerTeam: slug("a team").optional(),
  reason,
});

export const changeInputSchema = z.discriminatedUnion("kind", [secretCreateSchema, accessGrantSchema, accessRevokeSchema, rotationUpdateSchema, policyCodifySchema]);
export type ChangeInput = z.output<typeof changeInputSchema>;
export type SecretCreateInput = z.output<typeof secretCreateSchema>;
export type AccessGrantInput = z.output<typeof accessGrantSchema>;
export type AccessRevokeInput = z.output<typeof accessRevokeSchema>;
export type RotationUpdateInput = z.output<typeof rotationUpdateSchema>;
export type PolicyCodifyInput = z.output<typeof policyCodifySchema>;

/** Field -> first message, for forms (client and server render the same messages). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    out[field] ??= issue.message;
  }
  return out;
}

/** A file the change writes: path relative to the repository root, full new content. */
export interface RenderedFile {
  path: string;
  /** null: a new file. */
  before: string | null;
  after: string;
}

/** Who gains or loses read (or list) on which secrets, evaluated on the policies after the change. */
export interface AccessDelta {
  gains: { identityKey: string; secretKey: string; capabilities: string[]; policy: string; rule: string }[];
  /** `policy`/`rule`: what granted the lost capability before the change. */
  losses: { identityKey: string; secretKey: string; capabilities: string[]; policy?: string; rule?: string }[];
  /** Readers of secrets that do not exist yet (secret.create): identity key -> data path. */
  newPaths: { identityKey: string; dataPath: string; capabilities: string[]; policy?: string; rule?: string }[];
  /** Identity keys whose effective policy set or policies were re-evaluated. */
  evaluatedIdentities?: number;
  /** Lists were cut at this many entries each (the rest is counted, not listed). */
  truncated?: { gains: number; losses: number; newPaths: number };
}

export type ChangeStatus = "draft" | "open" | "merged" | "closed" | "failed";

/** What the Changes pages show (plain, serialisable). */
export interface ChangeRequestView {
  id: string;
  kind: ChangeKind;
  title: string;
  requesterEmail: string;
  reason: string;
  status: ChangeStatus;
  provider: "github" | "gitlab" | "local" | null;
  branch: string | null;
  prUrl: string | null;
  prNumber: number | null;
  createdAt: string;
  updatedAt: string;
  approvedBy: string[];
  error: string | null;
  /** The Vault cluster the change applies to. */
  cluster: string | null;
}

export interface ChangeRequestDetailView extends ChangeRequestView {
  payload: ChangeInput;
  files: RenderedFile[];
  /** Unified diff of the files, as the provider committed them. */
  diff: string;
  delta: AccessDelta;
  body: string;
  baseBranch: string | null;
  /** Head commit of the branch when the PR was opened (or last updated). */
  commit: string | null;
}

/** What the change form's selects offer, from the active snapshot. */
export interface ChangeFormOptions {
  clusters: string[];
  kvMounts: { cluster: string; mount: string }[];
  teams: string[];
  environments: string[];
  /** Policies that exist in live Vault only (candidates for policy.codify). */
  liveOnlyPolicies: { cluster: string; name: string }[];
}

/** What submitChangeRequest (the form's server action) returns to useActionState. */
export type SubmitChangeState =
  | { ok: true; id: string; prUrl: string | null }
  | { ok: false; fieldErrors?: Record<string, string>; error?: string; id?: string };
