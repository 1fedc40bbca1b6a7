import "server-only";
import { db } from "./client";

/**
 * True when the database answers within `timeoutMs`. For health checks: never throws, and says
 * nothing about why (the reason goes to the server log, not to a public endpoint).
 */
export async function checkDatabase(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  // async wrapper: a configuration error thrown while creating the client becomes a rejection.
  const probe = (async () => db.$queryRaw`SELECT 1`)().then(
    () => true,
    (error: unknown) => {
      console.error("database health check failed:", error instanceof Error ? error.message : error);
      return false;
    },
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
