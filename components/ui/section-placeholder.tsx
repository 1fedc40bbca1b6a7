import { EmptyState } from "./empty-state";

/** An honest placeholder for a section whose capability has not landed yet. */
export function SectionPlaceholder({ capability, what }: { capability: string; what: string }) {
  return (
    <EmptyState title={`Not built yet: arrives with "${capability}"`} testId="section-placeholder">
      <p>{what}</p>
    </EmptyState>
  );
}
