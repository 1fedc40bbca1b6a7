import type { Role } from "./roles";

const ALL = ["engineer", "security", "compliance", "admin"] as const satisfies readonly Role[];

/**
 * Who may do what, in one table: `resource.action` -> roles. Every route handler, server action and
 * page checks one of these on the server (lib/auth/guard.ts). Admin holds every permission (a test
 * proves it). Changes are approved on the forge by humans, so there is no portal "approve".
 */
export const PERMISSIONS = {
  "dashboard.read": ALL,
  "secrets.read": ALL,
  "secrets.export": ["security", "compliance", "admin"],
  "identities.read": ALL,
  "workloads.read": ALL,
  "policies.read": ALL,
  "health.read": ALL,
  "checklist.read": ALL,
  "checklist.attest": ["admin"],
  "changes.read": ALL,
  "changes.create": ["engineer", "security", "admin"],
  "alerts.read": ["security", "admin"],
  "alerts.triage": ["security", "admin"],
  "drift.read": ["security", "admin"],
  "reviews.read": ["security", "compliance", "admin"],
  "reviews.manage": ["security", "admin"],
  // Owners (engineers) attest their own grants; the review service also checks the assignment.
  "reviews.decide": ["engineer", "security", "admin"],
  "exports.create": ["security", "compliance", "admin"],
  "audit-trail.read": ["security", "compliance", "admin"],
  "audit-trail.export": ["compliance", "admin"],
  "sources.read": ["security", "admin"],
  "sources.manage": ["admin"],
  "sync.run": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** Every permission the roles grant, in table order (for the UI and for tests). */
export function permissionsFor(roles: readonly Role[]): Permission[] {
  return PERMISSION_NAMES.filter((permission) => can(roles, permission));
}
