import type { ReviewScope } from "@/lib/review/schemas";

export const formatDate = (iso: string | null): string => (iso ? iso.slice(0, 10) : "—");
export const formatTime = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

export function scopeLabel(scope: ReviewScope): string {
  const parts = [
    scope.team ? `team ${scope.team}` : null,
    scope.environment ? `environment ${scope.environment}` : null,
    scope.mount ? `mount ${scope.mount}` : null,
    scope.classification ? `classification ${scope.classification}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "every grant";
}
