import type { Metadata } from "next";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { CsvLink } from "@/components/inventory/csv-link";
import { FilterForm } from "@/components/inventory/filter-form";
import { ParamNotes } from "@/components/inventory/param-notes";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { ALERT_STATUSES, ALL_RULES, RULE_LABELS, SEVERITIES } from "@/lib/detection/catalog";
import { detectionContext, listAlerts } from "@/lib/detection";
import { alertListSchema } from "@/lib/detection/schemas";
import { parseLenient } from "@/lib/inventory/search-params";
import { withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("alerts.read");
  const { params, notes } = parseLenient(alertListSchema, await searchParams);
  const list = await listAlerts(detectionContext(user), params);
  const dir = params.dir ?? (params.sort === "rule" || params.sort === "status" ? "asc" : "desc");
  const current = { q: params.q, rule: params.rule, severity: params.severity, status: params.status, assignee: params.assignee, sort: params.sort, dir: params.dir, pageSize: params.pageSize, page: params.page };
  const filtered = Boolean(params.q || params.rule || params.severity || params.status || params.assignee);
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Signals from the Vault audit log that precede incidents, and certificate and lease health alerts. Triage them here; every action is recorded in the portal audit trail."
        actions={<CsvLink href={withParams("/api/alerts", { ...current, page: undefined }, { format: "csv" })} />}
      />
      <ParamNotes notes={notes} />
      <Card>
        <FilterForm
          action="/alerts"
          q={params.q}
          placeholder="Subject, rule or note, e.g. 203.0.113"
          selects={[
            { name: "status", label: "Status", value: params.status, options: ALERT_STATUSES.map((value) => ({ value })) },
            { name: "severity", label: "Severity", value: params.severity, options: [...SEVERITIES].reverse().map((value) => ({ value })) },
            { name: "rule", label: "Rule", value: params.rule, options: ALL_RULES.map((value) => ({ value, label: RULE_LABELS[value] })) },
            { name: "assignee", label: "Assignee", value: params.assignee, options: [{ value: "me", label: "Me" }, { value: "none", label: "Unassigned" }] },
          ]}
          hidden={{ sort: params.sort, dir: params.dir, pageSize: params.pageSize }}
        />
        <AlertsTable
          list={list}
          filtered={filtered}
          links={{
            sorted: { sort: params.sort, dir },
            hrefFor: (sort) => withParams("/alerts", current, { sort, dir: sort === params.sort ? (dir === "asc" ? "desc" : "asc") : undefined }),
            hrefForPage: (page) => withParams("/alerts", current, { page }),
          }}
        />
      </Card>
    </>
  );
}
