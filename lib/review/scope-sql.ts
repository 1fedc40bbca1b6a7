import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { teamSpellings } from "./directory";
import type { ReviewScope } from "./schemas";

/** The scope as conditions on `secrets s` (every value a bound parameter). */
export function scopeConditions(scope: ReviewScope): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (scope.environment) c.push(Prisma.sql`s.environment = ${scope.environment}`);
  if (scope.team) c.push(Prisma.sql`s.owner_team = ANY(${teamSpellings(scope.team)}::text[])`);
  if (scope.mount) {
    const at = scope.mount.indexOf(":");
    if (at > 0) c.push(Prisma.sql`s.cluster = ${scope.mount.slice(0, at)} AND s.mount = ${scope.mount.slice(at + 1)}`);
    else c.push(Prisma.sql`s.mount = ${scope.mount}`);
  }
  if (scope.classification) c.push(Prisma.sql`s.classification = ${scope.classification}`);
  return c;
}

export const andAll = (conditions: Prisma.Sql[]): Prisma.Sql => (conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty);
