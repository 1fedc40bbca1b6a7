import type { Metadata } from "next";
import { NoSnapshot } from "@/components/inventory/no-snapshot";
import { CampaignForm } from "@/components/review/campaign-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { getScopeOptions, reviewContext } from "@/lib/review";
import { createCampaignAction } from "@/lib/review/actions";

export const metadata: Metadata = { title: "New review campaign" };

export default async function NewCampaignPage() {
  const user = await requirePagePermission("reviews.manage");
  const options = await getScopeOptions(reviewContext(user));
  return (
    <>
      <PageHeader title="New review campaign" description="Choose which grants to review and by when. Each grant goes to the reviewers of its secret's owner team (SSO group team-<team>), or to you when the team has none." />
      {options ? (
        <Card>
          <CampaignForm options={options} action={createCampaignAction} />
        </Card>
      ) : (
        <NoSnapshot />
      )}
    </>
  );
}
