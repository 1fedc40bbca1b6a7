import { withApiAuth } from "@/lib/auth/guard";

/** Proves the admin-only guard ("sync.run"): 401 anonymous, 403 other roles, 200 admin. */
export const GET = withApiAuth("sync.run", async (_req, { user }) =>
  Response.json({ ok: true, actor: user.email }, { headers: { "cache-control": "no-store" } }),
);
