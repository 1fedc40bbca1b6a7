/** The portal's sections, in navigation order, with the permission each needs (or `orPermission`). */
export const NAV_ITEMS = [
  { href: "/", label: "Dashboard", permission: "dashboard.read", icon: "M3 12l9-9 9 9M5 10v10h14V10" },
  { href: "/secrets", label: "Secrets", permission: "secrets.read", icon: "M7 11V7a5 5 0 0110 0v4M5 11h14v10H5z" },
  { href: "/identities", label: "Identities", permission: "identities.read", icon: "M16 7a4 4 0 11-8 0 4 4 0 018 0zM4 21a8 8 0 0116 0" },
  { href: "/workloads", label: "Workloads", permission: "workloads.read", icon: "M4 6h16M4 12h16M4 18h16" },
  { href: "/policies", label: "Policies", permission: "policies.read", icon: "M9 12h6M9 16h6M7 3h7l5 5v13H7zM14 3v5h5" },
  { href: "/health", label: "Health", permission: "health.read", icon: "M3 12h4l3-8 4 16 3-8h4" },
  { href: "/changes", label: "Changes", permission: "changes.read", icon: "M6 3v12M18 9v12M6 15a3 3 0 100 6 3 3 0 000-6zM18 3a3 3 0 100 6 3 3 0 000-6zM6 9c0 6 12 0 12 6" },
  { href: "/drift", label: "Drift", permission: "drift.read", icon: "M4 7h10M4 12h16M4 17h7M17 4l3 3-3 3" },
  { href: "/alerts", label: "Alerts", permission: "alerts.read", icon: "M12 9v4m0 4h.01M10.3 3.9L2 18a2 2 0 001.7 3h16.6a2 2 0 001.7-3L13.7 3.9a2 2 0 00-3.4 0z" },
  { href: "/reviews", label: "Reviews", permission: "reviews.read", orPermission: "reviews.decide", icon: "M9 12l2 2 4-4M4 4h16v16H4z" },
  { href: "/exports", label: "Exports", permission: "exports.create", icon: "M12 3v12m0 0l-4-4m4 4l4-4M4 21h16" },
  { href: "/audit-trail", label: "Audit trail", permission: "audit-trail.read", icon: "M9 5h10M9 12h10M9 19h10M4 5h.01M4 12h.01M4 19h.01" },
  { href: "/admin", label: "Admin", permission: "sources.manage", icon: "M12 15a3 3 0 100-6 3 3 0 000 6zM19.4 15a1.7 1.7 0 00.3 1.8l.1.1a2 2 0 11-2.8 2.8l-.1-.1a1.7 1.7 0 00-1.8-.3 1.7 1.7 0 00-1 1.5V21a2 2 0 11-4 0v-.1a1.7 1.7 0 00-1.1-1.5 1.7 1.7 0 00-1.8.3l-.1.1a2 2 0 11-2.8-2.8l.1-.1a1.7 1.7 0 00.3-1.8 1.7 1.7 0 00-1.5-1H3a2 2 0 110-4h.1a1.7 1.7 0 001.5-1.1 1.7 1.7 0 00-.3-1.8l-.1-.1a2 2 0 112.8-2.8l.1.1a1.7 1.7 0 001.8.3H9a1.7 1.7 0 001-1.5V3a2 2 0 114 0v.1a1.7 1.7 0 001 1.5 1.7 1.7 0 001.8-.3l.1-.1a2 2 0 112.8 2.8l-.1.1a1.7 1.7 0 00-.3 1.8V9a1.7 1.7 0 001.5 1H21a2 2 0 110 4h-.1a1.7 1.7 0 00-1.5 1z" },
] as const;

export type NavItem = (typeof NAV_ITEMS)[number];
