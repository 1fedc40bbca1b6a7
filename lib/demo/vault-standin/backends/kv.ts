/** KV secrets engine backends (v2 path layout; v1 is a plain path -> map store). */
import { notFound } from "../errors";
import { empty, listOf, ok, type Backend, type BackendRequest, type BackendResponse, type Route } from "../backend";
import { KvStore } from "./kv-store";
import * as read from "./kv-v2-read";
import * as write from "./kv-v2-write";
import type { KvSecret } from "../../vault-world";

type KvHandler = (store: KvStore, req: BackendRequest) => BackendResponse;

export function createKvBackend(version: 1 | 2, secrets: readonly KvSecret[]): Backend {
  const store = new KvStore(secrets);
  return { type: "kv", routes: version === 2 ? v2Routes(store) : v1Routes(store) };
}

function v2Routes(store: KvStore): Route[] {
  const bind = (h: KvHandler) => (req: BackendRequest) => h(store, req);
  const exists = (req: { path: string }) => store.secrets.has(req.path.replace(/^[a-z]+\//, ""));
  const invalid = (op: string) => (): BackendResponse => ({
    kind: "json",
    status: 404,
    data: null,
    warnings: [
      `Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv ${op}' for this operation.`,
    ],
  });
  return [
    { pattern: /^config$/, ops: { read: () => read.readConfig(store), update: bind(write.writeConfig) } },
    {
      pattern: /^metadata\/(?<path>.*)$/,
      exists,
      ops: {
        list: bind(read.listMetadata),
        read: bind(read.readMetadata),
        create: bind(write.writeMetadata),
        update: bind(write.writeMetadata),
        patch: bind(write.writeMetadata),
        delete: bind(write.deleteMetadata),
      },
    },
    {
      pattern: /^data\/(?<path>.*)$/,
      exists,
      ops: {
        read: bind(read.readData),
        create: bind(write.writeData),
        update: bind(write.writeData),
        patch: bind(write.patchData),
        delete: bind(write.deleteLatest),
      },
    },
    { pattern: /^subkeys\/(?<path>.*)$/, ops: { read: bind(read.readSubkeys) } },
    { pattern: /^delete\/(?<path>.*)$/, ops: { update: bind(write.changeVersions("delete")) } },
    { pattern: /^undelete\/(?<path>.*)$/, ops: { update: bind(write.changeVersions("undelete")) } },
    { pattern: /^destroy\/(?<path>.*)$/, ops: { update: bind(write.changeVersions("destroy")) } },
    // The plugin's catch-all: any other path is a 404 that carries a warning, not an error.
    {
      pattern: /^.*$/,
      ops: { read: invalid("get"), list: invalid("list"), update: invalid("put"), create: invalid("put"), patch: invalid("patch"), delete: invalid("delete") },
    },
  ];
}

function v1Routes(store: KvStore): Route[] {
  return [
    {
      pattern: /^(?<path>.*)$/,
      exists: (req) => store.secrets.has(req.path),
      ops: {
        list: (req) => listOf(store.list(req.params.path ?? "")),
        read: (req) => {
          const s = store.secrets.get(req.params.path ?? "");
          if (!s) throw notFound();
          return ok({ ...s.data });
        },
        update: (req) => {
          const path = req.params.path ?? "";
          const now = new Date().toISOString();
          const data = Object.fromEntries(Object.entries(req.body).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
          const s = store.secrets.get(path);
          store.put({
            path, createdTime: s?.createdTime ?? now, updatedTime: now, currentVersion: 0, maxVersions: 0,
            casRequired: false, deleteVersionAfter: "0s", customMetadata: null, versions: {}, data,
          });
          return empty();
        },
        delete: (req) => {
          store.remove(req.params.path ?? "");
          return empty();
        },
      },
    },
  ];
}
