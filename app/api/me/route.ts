import { withApiAuth } from "@/lib/auth/guard";

/** The caller's own identity. Any signed-in user, including one with no Radius role. */
export const GET = withApiAuth("authenticated", async (_req, { user }) =>
  Response.json({ email: user.email, name: user.name, roles: user.roles }, { headers: { "cache-control": "no-store" } }),
);
