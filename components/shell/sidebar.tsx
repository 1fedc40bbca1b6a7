import Link from "next/link";
import { NavLink } from "./nav-link";
import type { NavItem } from "./nav-items";

export interface ShellUser {
  name: string;
  email: string;
  roles: string[];
}

/** The left navigation: only the sections the signed-in user's roles may open. */
export function Sidebar({ items, user, signOut }: { items: readonly NavItem[]; user: ShellUser; signOut: React.ReactNode }) {
  return (
    <aside className="flex w-56 shrink-0 flex-col bg-slate-900 text-slate-200">
      <Link href="/" className="flex items-center gap-2 px-4 py-4 text-base font-semibold text-white">
        <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6 text-brand-500" fill="none" stroke="currentColor" strokeWidth={2}>
          <circle cx="12" cy="12" r="3" />
          <circle cx="12" cy="12" r="7" strokeOpacity={0.6} />
          <circle cx="12" cy="12" r="10.5" strokeOpacity={0.3} />
        </svg>
        Radius
      </Link>
      <nav aria-label="Main" className="flex flex-1 flex-col gap-0.5 px-2">
        {items.map((item) => (
          <NavLink key={item.href} href={item.href} label={item.label} icon={item.icon} />
        ))}
      </nav>
      <div className="border-t border-white/10 px-4 py-3" data-testid="current-user">
        <p className="truncate font-medium text-white">{user.name}</p>
        <p className="truncate text-xs text-slate-400">{user.email}</p>
        <p className="mt-1 flex flex-wrap gap-1">
          {user.roles.length === 0 ? (
            <span className="rounded bg-amber-500/20 px-1.5 py-0.5 text-xs text-amber-200">no role</span>
          ) : (
            user.roles.map((role) => (
              <span key={role} data-testid="role" className="rounded bg-brand-500/25 px-1.5 py-0.5 text-xs text-brand-100">
                {role}
              </span>
            ))
          )}
        </p>
        <div className="mt-2">{signOut}</div>
      </div>
    </aside>
  );
}
