import "server-only";
import { appendPortalAudit } from "@/lib/audit-trail";
import { getRequestContext } from "@/lib/auth/request-context";
import type { Prisma, PrismaClient } from "@/lib/db/create-client";
import { assertCan, type ChecklistContext } from "./context";
import { insertAttestation } from "./repository";
import { attestationInputSchema, type AttestationInput } from "./schemas";

/**
 * An admin vouches for a human fact (checklist.attest). The attestation and its audit record
 * commit together, so an attestation nobody can trace cannot exist.
 */
export async function attestChecklistItem(ctx: ChecklistContext, input: AttestationInput) {
  assertCan(ctx, "checklist.attest");
  const v = attestationInputSchema.parse(input);
  const request = await getRequestContext();
  const write = async (tx: Prisma.TransactionClient) => {
    const row = await insertAttestation(tx, {
      item: v.item, outcome: v.outcome, statement: v.statement, attestedBy: ctx.user.email,
      performedAt: v.performedAt ? new Date(`${v.performedAt}T00:00:00Z`) : null, evidenceUrl: v.evidenceUrl ?? null,
    });
    await appendPortalAudit(tx, {
      actorEmail: ctx.user.email, actorRoles: ctx.user.roles, action: "checklist.attest", target: `checklist:${v.item}`,
      ip: request.ip, userAgent: request.userAgent,
      details: { attestationId: row.id, outcome: v.outcome, performedAt: v.performedAt ?? null, statement: v.statement, evidenceUrl: v.evidenceUrl ?? null },
    });
    return { id: row.id };
  };
  if (!("$transaction" in ctx.db)) return write(ctx.db);
  return (ctx.db as PrismaClient).$transaction(write);
}
