// No "server-only" here: scripts (tsx) and tests construct clients for explicit URLs, and tsx
// cannot import "server-only" outside the react-server condition. App code uses `db` from ./client.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";

export type { PrismaClient, Prisma };

/** Either the client or an interactive transaction: repositories accept both. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export interface CreatePrismaClientOptions {
  /** Pool size per client; the portal is stateless, so keep it modest per instance. */
  maxConnections?: number;
  log?: ("query" | "info" | "warn" | "error")[];
}

/** A Prisma client over node-postgres (driver adapter: no native query engine needed). */
export function createPrismaClient(databaseUrl: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter, log: options.log ?? ["warn", "error"] });
}
