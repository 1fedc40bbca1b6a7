import { NextResponse, type NextRequest } from "next/server";

/**
 * Server components cannot see the request path, but the sign-in redirect should return there.
 * The root `proxy.ts` calls `forwardPathname` so the guard can read it; any client-sent value is
 * overwritten, and the guard only accepts same-origin relative paths anyway.
 */
export const PATHNAME_HEADER = "x-radius-pathname";

export function forwardPathname(request: NextRequest): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers: requestHeaders } });
}
