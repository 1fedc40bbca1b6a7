import "server-only";
import { getConfig } from "@/lib/config";
import { createPrismaClient, type PrismaClient } from "./create-client";

// One client per process. Next dev re-evaluates modules on every edit; caching on globalThis
// stops each reload from opening a new connection pool.
const globalForDb = globalThis as unknown as { radiusDb?: PrismaClient };

function getDb(): PrismaClient {
  globalForDb.radiusDb ??= createPrismaClient(getConfig().DATABASE_URL);
  return globalForDb.radiusDb;
}

/**
 * The app's Prisma client. Created on first use (not at import), so importing a module that uses
 * it never requires a valid configuration, e.g. during `next build`.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
  has(_target, property) {
    return Reflect.has(getDb(), property);
  },
});

export type { PrismaClient, Prisma, DbClient } from "./create-client";
