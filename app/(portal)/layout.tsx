import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const items = NAV_ITEMS.filter((item) => can(user.roles, item.permission) || ("orPermission" in item && can(user.roles, item.orPermission)));
  return (
    <div className="flex min-h-screen">
      <Sidebar items={items} user={user} signOut={<SignOutButton />} />
      <main id="main" className="min-w-0 flex-1 px-8 py-6">
        {children}
      </main>
    </div>
  );
}
