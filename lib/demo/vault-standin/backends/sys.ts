/** The system backend (sys/): composition of its endpoint families plus Vault's root-protected paths. */
import type { Backend } from "../backend";
import type { StandinState } from "../state";
import { capabilitiesRoutes } from "./sys-capabilities";
import { leaseRoutes } from "./sys-leases";
import { mountRoutes } from "./sys-mounts";
import { policyRoutes } from "./sys-policies";

/** PathsSpecial.Root of the system backend (subset that matters here): these need `sudo`. */
const ROOT_PATHS = [
  /^auth\/.+/,
  /^audit$/,
  /^audit\/.*/,
  /^raw(\/.*)?$/,
  /^rotate$/,
  /^remount$/,
  /^seal$/,
  /^step-down$/,
  /^config\/cors$/,
  /^config\/auditing\/.*/,
  /^leases\/lookup\/.*/,
  /^leases\/revoke-prefix\/.*/,
  /^leases\/revoke-force\/.*/,
  /^plugins\/catalog\/.*/,
];

export function createSysBackend(state: StandinState): Backend {
  return {
    type: "system",
    needsSudo: (path) => ROOT_PATHS.some((re) => re.test(path)),
    unauthenticated: (path) => path.startsWith("internal/ui/mounts/"),
    routes: [...mountRoutes(state), ...policyRoutes(state), ...leaseRoutes(state), ...capabilitiesRoutes(state)],
  };
}
