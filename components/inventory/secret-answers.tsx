import Link from "next/link";
import { formatSeconds, plural } from "@/lib/inventory/format";
import type { SecretBlastRadius } from "@/lib/inventory/secret-blast-radius-types";
import { workloadHref } from "@/lib/inventory/urls";

function readerBreakdown(c: SecretBlastRadius["readerCounts"]): string {
  const parts = [
    c.human ? plural(c.human, "human group") : null,
    c.ci ? `${c.ci} CI` : null,
    c.workload ? plural(c.workload, "workload") : null,
    c.other ? `${c.other} other` : null,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function Answer({ question, children, testId, tone }: { question: string; children: React.ReactNode; testId: string; tone: "ok" | "warn" | "neutral" }) {
  const border = tone === "warn" ? "border-l-amber-500" : tone === "ok" ? "border-l-emerald-500" : "border-l-brand-500";
  return (
    <div data-testid={testId} className={`rounded-md border border-l-4 border-slate-200 ${border} bg-white px-4 py-3 shadow-sm`}>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{question}</p>
      <div className="mt-1 text-base text-slate-900">{children}</div>
    </div>
  );
}

/** The three questions the portal exists for, answered in plain words at the top of the page. */
export function SecretAnswers({ radius }: { radius: SecretBlastRadius }) {
  const { readers, listOnly, privileged, whatBreaks, propagation, consumers } = radius;
  const breaking = whatBreaks.consumers;
  const untilRestart = breaking.filter((c) => c.until === "restart").length;
  const otherWaits = breaking.length - untilRestart;
  const waiting = breaking.filter((c) => c.until !== "next run");
  return (
    <div className="mb-5 grid gap-3 lg:grid-cols-3" data-testid="three-answers">
      <Answer question="Who can read it" testId="answer-readers" tone="neutral">
        <p><strong>{plural(readers.length, "identity", "identities")}</strong>{readerBreakdown(radius.readerCounts)}</p>
        {listOnly.length || privileged.length ? (
          <p className="text-sm text-slate-600">
            {listOnly.length ? `${plural(listOnly.length, "more identity", "more identities")} can only list it` : ""}
            {listOnly.length && privileged.length ? "; " : ""}
            {privileged.length ? `${privileged.length} privileged (root/sudo)` : ""}
          </p>
        ) : null}
      </Answer>
      <Answer question="What breaks if rotated now" testId="answer-breaks" tone={breaking.length ? "warn" : "ok"}>
        {breaking.length === 0 ? (
          <p>{consumers.length ? "Nothing: every consumer picks up the new value on its own" : "Nothing known: no workload consumes it"}</p>
        ) : (
          <p>
            <strong>{untilRestart ? `${plural(untilRestart, "workload")} until restart` : ""}</strong>
            {untilRestart && otherWaits ? ", " : ""}
            {otherWaits ? `${plural(otherWaits, "workload")} until resync or next run` : ""}
            {`, ${plural(whatBreaks.dependents.length, "dependent")}`}
          </p>
        )}
      </Answer>
      <Answer question="Full propagation" testId="answer-propagation" tone={propagation.totalSeconds === null ? "warn" : "ok"}>
        {propagation.totalSeconds !== null ? (
          <p><strong>{consumers.length ? formatSeconds(propagation.totalSeconds) : "immediate (no consumers)"}</strong></p>
        ) : (
          <p>
            <strong>until restart</strong> of{" "}
            {propagation.slowest ? <Link className="text-brand-700 hover:underline" href={workloadHref(propagation.slowest.key)}>{propagation.slowest.name}</Link> : "a consumer"}
            {waiting.length > 1 ? ` and ${plural(waiting.length - 1, "other")}` : ""}
          </p>
        )}
      </Answer>
    </div>
  );
}
