import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";

// next-auth's own endpoints: sign-in redirect, OIDC callback, session, csrf, sign-out.
async function handler(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(req, context, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
