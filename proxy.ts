import type { NextRequest } from "next/server";
import { forwardPathname } from "@/lib/auth/pathname";

/** Forwards the requested path so server-side guards can send anonymous visitors back after sign-in. */
export function proxy(req: NextRequest) {
  return forwardPathname(req);
}

export const config = { matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"] };
