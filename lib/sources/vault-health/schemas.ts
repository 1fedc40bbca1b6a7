/** zod shapes of the Vault responses the health collectors read (reference/vault-api.md §8, §9). */
import { z } from "zod";

const timeOrNull = z.string().nullable().optional();

export const leaseLookupSchema = z.object({
  data: z.object({
    id: z.string(),
    issue_time: timeOrNull,
    expire_time: timeOrNull,
    last_renewal: timeOrNull,
    renewable: z.boolean().optional().default(false),
    ttl: z.number().int().nonnegative().optional(),
  }),
});

export const certReadSchema = z.object({
  data: z.object({
    certificate: z.string().min(1),
    revocation_time: z.number().optional(),
    revocation_time_rfc3339: z.string().optional(),
  }),
});

export const issuerReadSchema = z.object({
  data: z.object({
    issuer_id: z.string(),
    issuer_name: z.string().optional().nullable(),
    certificate: z.string().optional(),
  }),
});

const stringList = z.union([z.array(z.string()), z.string().transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))]);

export const pkiRoleSchema = z.object({
  data: z.object({
    allowed_domains: stringList.optional().nullable(),
    allow_subdomains: z.boolean().optional(),
    allow_bare_domains: z.boolean().optional(),
    allow_any_name: z.boolean().optional(),
    key_type: z.string().optional(),
    key_bits: z.number().optional(),
    ttl: z.number().optional(),
    max_ttl: z.number().optional(),
  }),
});

export function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.length > 0 ? i.path.join(".") : "(body)"}: ${i.message}`).join("; ");
}
