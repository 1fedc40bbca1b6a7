/**
 * Database secrets engine: connections (config/), dynamic roles, static roles.
 * Like Vault, no metadata endpoint returns a password; static-creds/ does (the canary path).
 */
import { notFound } from "../errors";
import { ok, type Backend } from "../backend";
import { collectionRoutes, list, num, text } from "./collection-routes";
import { NamedStore } from "./named-store";
import type { DbConnection, DbRole, DbStaticRole } from "../../vault-world";

export function createDatabaseBackend(m: { connections: DbConnection[]; roles: DbRole[]; staticRoles: DbStaticRole[] }): Backend {
  const connections = new NamedStore(m.connections);
  const roles = new NamedStore(m.roles);
  const staticRoles = new NamedStore(m.staticRoles);
  return {
    type: "database",
    routes: [
      ...collectionRoutes({
        prefix: "config",
        store: connections,
        render: renderConnection,
        fromBody: (name, b, e) => ({
          name,
          pluginName: text(b.plugin_name, e?.pluginName ?? ""),
          connectionUrl: text(b.connection_url, e?.connectionUrl ?? ""),
          allowedRoles: list(b.allowed_roles, e?.allowedRoles ?? []),
          username: text(b.username, e?.username ?? ""),
          password: text(b.password, e?.password ?? ""),
        }),
      }),
      ...collectionRoutes({
        prefix: "roles",
        store: roles,
        render: renderRole,
        fromBody: (name, b, e) => ({
          name,
          dbName: text(b.db_name, e?.dbName ?? ""),
          defaultTtl: num(b.default_ttl, e?.defaultTtl ?? 0),
          maxTtl: num(b.max_ttl, e?.maxTtl ?? 0),
          creationStatements: list(b.creation_statements, e?.creationStatements ?? []),
        }),
      }),
      ...collectionRoutes({
        prefix: "static-roles",
        store: staticRoles,
        render: renderStaticRole,
        fromBody: (name, b, e) => ({
          name,
          dbName: text(b.db_name, e?.dbName ?? ""),
          username: text(b.username, e?.username ?? ""),
          rotationPeriod: num(b.rotation_period, e?.rotationPeriod ?? 86400),
          lastVaultRotation: e?.lastVaultRotation ?? new Date().toISOString(),
          password: e?.password ?? "",
        }),
      }),
      {
        // The credential endpoint: returns the canary password. The portal must never call it.
        pattern: /^static-creds\/(?<name>[^/]+)$/,
        ops: {
          read: (req) => {
            const r = staticRoles.get(req.params.name ?? "");
            if (!r) throw notFound();
            return ok({
              last_vault_rotation: r.lastVaultRotation,
              password: r.password,
              rotation_period: r.rotationPeriod,
              ttl: r.rotationPeriod,
              username: r.username,
            });
          },
        },
      },
    ],
  };
}

function renderConnection(c: DbConnection): Record<string, unknown> {
  return {
    allowed_roles: c.allowedRoles,
    connection_details: { connection_url: c.connectionUrl, username: c.username },
    password_policy: "",
    plugin_name: c.pluginName,
    plugin_version: "",
    root_credentials_rotate_statements: [],
    verify_connection: true,
  };
}

function renderRole(r: DbRole): Record<string, unknown> {
  return {
    creation_statements: r.creationStatements,
    credential_type: "password",
    db_name: r.dbName,
    default_ttl: r.defaultTtl,
    max_ttl: r.maxTtl,
    renew_statements: [],
    revocation_statements: [],
    rollback_statements: [],
  };
}

function renderStaticRole(r: DbStaticRole): Record<string, unknown> {
  return {
    credential_type: "password",
    db_name: r.dbName,
    last_vault_rotation: r.lastVaultRotation,
    rotation_period: r.rotationPeriod,
    rotation_statements: [],
    skip_import_rotation: false,
    username: r.username,
  };
}
