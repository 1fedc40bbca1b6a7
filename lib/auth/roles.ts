/** The portal's roles (DESIGN.md invariant 5). Safe for client and server. */
export const ROLES = ["engineer", "security", "compliance", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
