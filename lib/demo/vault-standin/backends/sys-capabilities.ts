/** sys/capabilities-self (reference §12): per-path sorted lists, plus `capabilities` for a single path. */
import { badRequest, missingToken } from "../errors";
import { ok, strList, type Route } from "../backend";
import { reportCapabilities } from "../acl";
import type { StandinState } from "../state";

export function capabilitiesRoutes(state: StandinState): Route[] {
  return [
    {
      pattern: /^capabilities-self$/,
      ops: {
        update: (req) => {
          if (!req.token) throw missingToken();
          let paths = strList(req.body, "paths");
          if (paths.length === 0) paths = strList(req.body, "path");
          if (paths.length === 0) throw badRequest("paths must be supplied");
          const acl = state.policies.aclFor(req.token.policies);
          const data: Record<string, unknown> = {};
          for (const p of paths) data[p] = reportCapabilities(acl, p.replace(/^\//, ""));
          // Kept by Vault for backwards compatibility, only for a single path.
          if (paths.length === 1) data.capabilities = data[paths[0]!];
          return ok(data);
        },
      },
    },
  ];
}
