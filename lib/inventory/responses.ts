import "server-only";
import { AppError } from "@/lib/errors";
import { keyFromSegments } from "./urls";
import { keySchema } from "./schemas";

/** Inventory answers change with every sync and are per-user: never cached by a proxy. */
export function jsonResponse(data: unknown): Response {
  return Response.json(data, { headers: { "cache-control": "no-store" } });
}

/** The stable key from a catch-all route param; a malformed one is a 400, an unknown one a 404 later. */
export function keyParam(segments: string | string[] | undefined): string {
  const key = keyFromSegments(typeof segments === "string" ? [segments] : segments);
  const parsed = keySchema.safeParse(key ?? "");
  if (!key || !parsed.success) throw new AppError("invalid_request", { userMessage: "The key in the URL is not valid." });
  return parsed.data;
}

export function notFound(what: string): never {
  throw new AppError("not_found", { userMessage: `${what} is not in the current inventory.` });
}
