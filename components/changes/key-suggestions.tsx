"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue } from "react";

/**
 * A <datalist> of identity or secret keys matching what the user typed, from the same JSON API the
 * lists use (server-side search, 25 rows): 10,000 identities never travel to the browser.
 */
export function KeySuggestions({ id, endpoint, query }: { id: string; endpoint: "/api/identities" | "/api/secrets"; query: string }) {
  const q = useDeferredValue(query.trim());
  const { data } = useQuery({
    queryKey: [endpoint, "suggest", q],
    enabled: q.length >= 2,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const res = await fetch(`${endpoint}?${new URLSearchParams({ q: q.replace(/[:/]/g, " "), pageSize: "25" })}`, { signal });
      if (!res.ok) return [];
      const body = (await res.json()) as { rows?: { key: string }[] };
      return (body.rows ?? []).map((r) => r.key);
    },
  });
  return (
    <datalist id={id}>
      {(data ?? []).map((key) => (
        <option key={key} value={key} />
      ))}
    </datalist>
  );
}
