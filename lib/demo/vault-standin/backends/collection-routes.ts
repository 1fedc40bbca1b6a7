/**
 * Routes for a "<prefix>" LIST + "<prefix>/:name" GET/POST/DELETE collection, the pattern most
 * backends share. Writes are accepted and applied in memory: DELETE removes the item; POST/PUT
 * merges the body into the item through `fromBody` (when the backend provides one).
 */
import { notFound } from "../errors";
import { empty, listOf, ok, type BackendRequest, type Route } from "../backend";
import type { NamedStore } from "./named-store";

export interface CollectionSpec<T extends { name: string }> {
  prefix: string; // "roles"
  store: NamedStore<T>;
  render: (item: T) => Record<string, unknown>;
  /** Builds the updated item from a write body; without it, writes are accepted but change nothing. */
  fromBody?: (name: string, body: Record<string, unknown>, existing: T | undefined) => T;
}

const NAME = String.raw`(?<name>[^/]+)`;

export function collectionRoutes<T extends { name: string }>(spec: CollectionSpec<T>): Route[] {
  const { store } = spec;
  const write = (req: BackendRequest) => {
    const name = req.params.name ?? "";
    if (spec.fromBody) store.set(spec.fromBody(name, req.body, store.get(name)));
    return empty();
  };
  return [
    { pattern: new RegExp(`^${spec.prefix}/?$`), ops: { list: () => listOf(store.keys()) } },
    {
      pattern: new RegExp(`^${spec.prefix}/${NAME}$`),
      exists: (req) => store.has(req.path.slice(spec.prefix.length + 1)),
      ops: {
        read: (req) => {
          const item = store.get(req.params.name ?? "");
          if (!item) throw notFound();
          return ok(spec.render(item));
        },
        create: write,
        update: write,
        delete: (req) => {
          store.delete(req.params.name ?? "");
          return empty();
        },
      },
    },
  ];
}

/** Numeric/array/string helpers for `fromBody` functions. */
export const num = (v: unknown, fallback: number) => (v === undefined ? fallback : Number(v));
export const list = (v: unknown, fallback: string[]) =>
  v === undefined ? fallback : Array.isArray(v) ? v.map(String) : String(v).split(",").map((s) => s.trim()).filter(Boolean);
export const text = (v: unknown, fallback: string) => (v === undefined ? fallback : String(v));
