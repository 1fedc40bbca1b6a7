import "server-only";
import { headers } from "next/headers";

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Client address and user agent of the current request, for audit records. The first
 * X-Forwarded-For hop is only trustworthy behind a proxy that sets it; deployments put one in front.
 */
export async function getRequestContext(): Promise<RequestContext> {
  try {
    const h = await headers();
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
  } catch {
    return { ip: null, userAgent: null }; // outside a request (scripts, tests)
  }
}
