/**
 * Renders a validated change request into Terraform file edits, proves them (verify.ts) and
 * returns what the delta and the pull request need. Throws a field rejection (errors.ts) when the
 * request cannot be expressed against this inventory and repository.
 */
import type { ChangeInput } from "../schemas";
import { createBuilder, finish } from "./builder";
import { renderAccessGrant } from "./render-access-grant";
import { renderAccessRevoke } from "./render-access-revoke";
import { renderPolicyCodify } from "./render-policy-codify";
import { renderRotationUpdate } from "./render-rotation-update";
import { renderSecretCreate } from "./render-secret-create";
import type { RenderContext, RenderResult } from "./types";

export async function renderChange(input: ChangeInput, ctx: RenderContext): Promise<RenderResult> {
  const b = createBuilder(ctx);
  const kind =
    input.kind === "secret.create" ? await renderSecretCreate(b, input)
    : input.kind === "access.grant" ? await renderAccessGrant(b, input)
    : input.kind === "access.revoke" ? await renderAccessRevoke(b, input)
    : input.kind === "rotation.update" ? await renderRotationUpdate(b, input)
    : await renderPolicyCodify(b, input);
  const { files, policyTexts } = await finish(b);
  if (files.length === 0) throw new Error("the change rendered no file edits");
  return { ...kind, files, policyTexts, attachments: b.attachments, summary: b.summary, notes: b.notes };
}
