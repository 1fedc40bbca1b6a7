import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

/** Liveness for load balancers and the start script: public, says nothing beyond up or down. */
export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const database = await checkDatabase();
  return NextResponse.json({ status: database ? "ok" : "degraded" }, { status: database ? 200 : 503 });
}
