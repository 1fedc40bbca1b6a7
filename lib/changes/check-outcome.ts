/**
 * The last check before anything is opened: the delta (computed independently of the renderer,
 * on the policy texts read back from the rendered files) must show the outcome the request asked
 * for. A grant an exact deny defeats, or a revoke another rule undoes, is refused with a reason.
 */
import type { ExpectedOutcome } from "./render";
import type { AccessDelta } from "./schemas";

export function outcomeProblem(outcome: ExpectedOutcome, delta: AccessDelta): { field: string; message: string } | null {
  switch (outcome.kind) {
    case "gain": {
      const ok = delta.gains.some((g) => g.identityKey === outcome.identityKey && g.secretKey === outcome.secretKey && g.capabilities.includes(outcome.capability));
      return ok ? null : { field: "secretKey", message: `After this change ${outcome.identityKey} still could not ${outcome.capability} the secret (another rule decides it); ask the platform team` };
    }
    case "lose": {
      const ok = delta.losses.some((l) => l.identityKey === outcome.identityKey && l.secretKey === outcome.secretKey && l.capabilities.includes(outcome.capability));
      return ok ? null : { field: "secretKey", message: `After this change ${outcome.identityKey} could still ${outcome.capability} the secret; ask the platform team` };
    }
    case "new-readers": {
      const missing = outcome.identityKeys.filter((k) => !delta.newPaths.some((n) => n.identityKey === k && n.capabilities.includes("read")));
      return missing.length === 0 ? null : { field: "readers", message: `${missing.join(", ")} would still not be able to read the new secret (a deny rule wins); remove them or ask the platform team` };
    }
    case "none":
      return null;
  }
}
