import type { Role } from "./roles";

// The session and token carry exactly what the portal needs: who, and which roles.
declare module "next-auth" {
  interface Session {
    user: { email: string; name: string; roles: Role[] };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    roles?: Role[];
  }
}
