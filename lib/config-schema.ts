import { z } from "zod";

/**
 * Every environment variable Radius reads, in one place. Parsed once at boot (instrumentation.ts);
 * a bad value stops the start with a message that names the variable.
 *
 * This file has no side effects and no server-only import so that the start script and tests can
 * parse an environment without booting the app.
 */

const csv = z
  .string()
  .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean));

const positiveInt = z.coerce.number().int().positive();

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isRegex(value: string): boolean {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

function isCidr(value: string): boolean {
  const m = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(value);
  if (!m) return false;
  const bits = Number(m[2]);
  if (m[1]!.includes(":")) return bits <= 128;
  return bits <= 32 && /^(\d{1,3})(\.\d{1,3}){3}$/.test(m[1]!) && m[1]!.split(".").every((o) => Number(o) <= 255);
}

/** `{"admin": ["radius-admins"], "security": ["sec"]}`: SSO group names per Radius role. */
const roleMapping = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be JSON, e.g. {\"admin\":[\"radius-admins\"]}" });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(["engineer", "security", "compliance", "admin"]), z.array(z.string().min(1))));

export const DEFAULT_ROLE_MAPPING = {
  engineer: ["radius-engineers"],
  security: ["radius-security"],
  compliance: ["radius-compliance"],
  admin: ["radius-admins"],
} as const;

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),

  // Database. The start script fills this in with the embedded Postgres when unset.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }),

  // Public URL of the portal and the session secret (next-auth).
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  SESSION_MAX_AGE_SECONDS: positiveInt.default(8 * 60 * 60),

  // Sign-in (any OpenID Connect provider).
  OIDC_ISSUER: z.url(),
  OIDC_CLIENT_ID: z.string().min(1),
  OIDC_CLIENT_SECRET: z.string().min(1),
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  OIDC_SCOPES: z.string().default("openid profile email groups"),
  ROLE_MAPPING: roleMapping.optional(),

  // Vault clusters. VAULT_ADDR may list several comma-separated addresses (one token for all),
  // or use VAULT_CLUSTERS for per-cluster tokens later.
  VAULT_ADDR: csv.pipe(z.array(z.url()).min(1, "must name at least one Vault address")),
  VAULT_TOKEN: z.string().min(1),
  VAULT_NAMESPACE: z.string().optional(),
  VAULT_REQUEST_CONCURRENCY: positiveInt.max(64).default(8),
  VAULT_TIMEOUT_MS: positiveInt.default(10_000),

  // Sources of the distribution and consumption planes.
  TERRAFORM_REPO: z.string().min(1).optional(), // a local path or a git URL
  TERRAFORM_BRANCH: z.string().min(1).default("main"),
  TERRAFORM_DIR: z.string().default("."), // folder inside the repo holding the vault config
  // Change requests: the file (relative to TERRAFORM_DIR) that receives new resources. `{team}` is
  // the owner team without a leading "team-" ("team-payments" -> "payments"), or "shared" when the
  // change names no team. Appended to when it exists, created otherwise.
  TERRAFORM_CHANGES_FILE: z
    .string()
    .regex(/^(?:[A-Za-z0-9_{}-][A-Za-z0-9._{}-]*\/)*[A-Za-z0-9_{}-][A-Za-z0-9._{}-]*\.tf$/, "must be a relative path ending in .tf, e.g. team-{team}.tf")
    .refine((v) => !v.split("/").some((s) => s.startsWith(".")) && !/\{(?!team\})|(?<!\{team)\}/.test(v), "only the placeholder {team} is allowed, and no . or .. segments")
    .default("team-{team}.tf"),
  MANIFESTS_DIR: z.string().min(1).optional(),
  WORKFLOWS_DIR: z.string().min(1).optional(),
  CATALOG_PATH: z.string().min(1).optional(),
  AUDIT_LOG_PATH: z.string().min(1).optional(),
  // Audit ingestion (lib/audit-ingest): the socket audit device's TCP port (unset = no listener),
  // the Vault cluster the audit devices belong to (default: the inventory's only cluster), how long
  // raw events are kept (whole days; access_stats keep 90-day evidence regardless), and how often
  // the file is polled and socket lines are stored.
  AUDIT_SOCKET_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  AUDIT_SOCKET_HOST: z.string().min(1).default("0.0.0.0"),
  AUDIT_CLUSTER: z.string().min(1).optional(),
  AUDIT_RETENTION_DAYS: positiveInt.max(3650).default(30),
  AUDIT_INGEST_INTERVAL_SECONDS: z.coerce.number().positive().max(3600).default(1),
  SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(15), // 0 = only on demand

  // Change requests: the forge that receives pull requests. Local git when neither is set.
  GITHUB_TOKEN: z.string().min(1).optional(),
  GITHUB_REPOSITORY: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/name").optional(),
  GITHUB_API_URL: z.url().default("https://api.github.com"),
  GITHUB_WEBHOOK_SECRET: z.string().min(16).optional(),
  GITLAB_TOKEN: z.string().min(1).optional(),
  GITLAB_PROJECT: z.string().min(1).optional(),
  GITLAB_URL: z.url().default("https://gitlab.com"),

  // Detection (lib/detection): audit-log rules, thresholds and the alert webhook.
  DETECTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(5), // 0 = only when the ingestion calls it
  DETECTION_DEDUP_WINDOW_MINUTES: positiveInt.max(7 * 24 * 60).default(60),
  DETECTION_AUTH_FAILURE_THRESHOLD: positiveInt.default(5), // alert on MORE than this many...
  DETECTION_AUTH_FAILURE_WINDOW_SECONDS: positiveInt.max(3600).default(60), // ...within this many seconds
  BUSINESS_HOURS: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, "must be HH:MM-HH:MM, e.g. 09:00-18:00").default("08:00-18:00"),
  BUSINESS_TIMEZONE: z.string().refine(isTimeZone, "must be an IANA time zone, e.g. Europe/London").default("UTC"),
  BUSINESS_DAYS: z.string().regex(/^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(\s*-\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?(\s*,\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(\s*-\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?)*\s*$/, "must list days or ranges, e.g. Mon-Fri or Mon,Tue,Thu").default("Mon-Fri"),
  // A read is "production" when its path matches (POSIX and JS regex alike) or its secret's environment is prod.
  DETECTION_PRODUCTION_PATH_PATTERN: z.string().refine(isRegex, "must be a regular expression").default("(^|[/_-])(prod|production)([/_-]|$)"),
  KNOWN_SERVICE_CIDRS: csv.pipe(z.array(z.string().refine(isCidr, "must be CIDRs, e.g. 10.20.0.0/16,10.40.0.0/16"))).default([]),
  DETECTION_BULK_READ_MIN: positiveInt.default(50),
  DETECTION_BULK_READ_FACTOR: z.coerce.number().positive().default(10),
  DETECTION_BULK_READ_WINDOW_MINUTES: positiveInt.max(24 * 60).default(60),
  DETECTION_BULK_READ_BASELINE_WINDOWS: positiveInt.max(24 * 60).default(168),
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ALERT_WEBHOOK_MIN_SEVERITY: z.enum(["info", "low", "medium", "high", "critical"]).default("high"),
  ALERT_WEBHOOK_MAX_ATTEMPTS: positiveInt.max(50).default(8),
  ALERT_WEBHOOK_BACKOFF_SECONDS: positiveInt.default(30),

  // Logging.
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "Invalid configuration:\n" + problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Parse an environment; throws ConfigError naming every bad variable. */
export function parseEnv(env: Record<string, string | undefined>): Env {
  // Empty strings mean "unset", as in most twelve-factor apps.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => ({
      variable: String(i.path[0] ?? "(environment)") + (i.path.length > 1 ? `.${i.path.slice(1).join(".")}` : ""),
      message: i.code === "invalid_type" && i.input === undefined && i.path.length === 1 ? "is required" : i.message,
    })),
  );
}
