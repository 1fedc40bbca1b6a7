/** sys/mounts, sys/auth, sys/audit (data copied to the top level by the envelope, see json.ts). */
import { VaultHttpError, badRequest } from "../errors";
import { empty, ok, type Route } from "../backend";
import { resolveMount, type StandinState } from "../state";
import { buildMountEntry, stableAccessor } from "../mount-entries";
import { createKvBackend } from "./kv";

const withSlash = (p: string) => (p.endsWith("/") ? p : `${p}/`);

export function mountRoutes(state: StandinState): Route[] {
  const secretMounts = () => Object.fromEntries([...state.mounts.values()].filter((m) => !m.isAuth).map((m) => [m.path, m.entry]));
  const authMounts = () =>
    Object.fromEntries([...state.mounts.values()].filter((m) => m.isAuth).map((m) => [m.path.slice("auth/".length), m.entry]));
  const secretMount = (path: string) => {
    const m = state.mounts.get(withSlash(path));
    if (!m || m.isAuth) throw badRequest(`No secret engine mount at ${withSlash(path)}`);
    return m;
  };

  return [
    { pattern: /^mounts$/, ops: { read: () => ok(secretMounts()) } },
    {
      pattern: /^mounts\/(?<path>.+?)\/tune$/,
      ops: {
        read: (req) => {
          const m = secretMount(req.params.path ?? "");
          const tune: Record<string, unknown> = {
            default_lease_ttl: 2764800,
            description: m.entry.description,
            force_no_cache: false,
            max_lease_ttl: 2764800,
          };
          if (m.entry.options) tune.options = m.entry.options;
          return ok(tune);
        },
        update: () => empty(),
      },
    },
    {
      pattern: /^mounts\/(?<path>.+)$/,
      ops: {
        read: (req) => ok(secretMount(req.params.path ?? "").entry),
        // Enabling a mount: only KV is modelled (an empty store); other types are accepted as no-ops.
        update: (req) => {
          const path = withSlash(req.params.path ?? "");
          if (state.mounts.has(path)) throw badRequest(`path is already in use at ${path}`);
          const type = typeof req.body.type === "string" ? req.body.type : "";
          if (type !== "kv" && type !== "kv-v2") return empty();
          const version = type === "kv-v2" || (req.body.options as { version?: string } | undefined)?.version === "2" ? 2 : 1;
          const accessor = stableAccessor("kv", path);
          const entry = buildMountEntry({ type: "kv", accessor, description: String(req.body.description ?? ""), vaultVersion: state.world.version, options: { version: String(version) } });
          state.mounts.set(path, { path, entry, backend: createKvBackend(version, []), isAuth: false });
          return empty();
        },
        delete: (req) => {
          state.mounts.delete(withSlash(req.params.path ?? ""));
          return empty();
        },
      },
    },
    {
      // Unauthenticated at the gateway: the handler does its own "preflight" check (hasMountAccess).
      pattern: /^internal\/ui\/mounts\/(?<path>.+)$/,
      ops: {
        read: (req) => {
          const path = req.params.path ?? "";
          const preflight = new VaultHttpError(403, [`preflight capability check returned 403, please ensure client's policies grant access to path "${withSlash(path)}"`]);
          const m = resolveMount(state.mounts, path);
          if (!m || !req.token) throw preflight;
          if (!state.policies.aclFor(req.token.policies).reachesPrefix(m.path)) throw preflight;
          return ok({ ...m.entry, path: m.isAuth ? m.path.slice("auth/".length) : m.path });
        },
      },
    },
    { pattern: /^auth$/, ops: { read: () => ok(authMounts()) } },
    {
      pattern: /^auth\/(?<path>.+)$/,
      ops: {
        read: (req) => {
          const m = state.mounts.get(`auth/${withSlash(req.params.path ?? "")}`);
          if (!m) throw badRequest(`No auth engine at ${withSlash(req.params.path ?? "")}`);
          return ok(m.entry);
        },
        update: () => empty(),
        delete: () => empty(),
      },
    },
    {
      pattern: /^audit$/,
      ops: {
        read: () =>
          ok(
            Object.fromEntries(
              state.world.auditDevices.map((d) => [
                `${d.path}/`,
                { description: d.description, local: false, options: d.options, path: `${d.path}/`, type: d.type },
              ]),
            ),
          ),
      },
    },
    {
      pattern: /^audit\/(?<path>.+)$/,
      ops: {
        update: (req) => {
          const path = (req.params.path ?? "").replace(/\/$/, "");
          const type = String(req.body.type ?? "file") as "file";
          const options = (req.body.options ?? {}) as Record<string, string>;
          state.world.auditDevices = [...state.world.auditDevices.filter((d) => d.path !== path), { path, type, description: String(req.body.description ?? ""), options }];
          return empty();
        },
        delete: (req) => {
          const path = (req.params.path ?? "").replace(/\/$/, "");
          state.world.auditDevices = state.world.auditDevices.filter((d) => d.path !== path);
          return empty();
        },
      },
    },
  ];
}
