-- Health: PKI issuers and CRL freshness per snapshot (lib/health, model PkiIssuer).
-- No foreign key to snapshots: the model has no Prisma relation (it was appended without editing
-- Snapshot), so the cascade is a trigger: deleting a snapshot deletes its issuer rows.

-- CreateTable
CREATE TABLE "pki_issuers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "cluster" TEXT NOT NULL,
    "mount" TEXT NOT NULL,
    "issuer_id" TEXT NOT NULL,
    "name" TEXT,
    "common_name" TEXT,
    "not_after" TIMESTAMPTZ(3),
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "crl_this_update" TIMESTAMPTZ(3),
    "crl_next_update" TIMESTAMPTZ(3),

    CONSTRAINT "pki_issuers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pki_issuers_snapshot_id_cluster_mount_issuer_id_key" ON "pki_issuers"("snapshot_id", "cluster", "mount", "issuer_id");

-- Cascade from snapshots (see above).
CREATE FUNCTION "pki_issuers_delete_with_snapshot"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "pki_issuers" WHERE "snapshot_id" = OLD."id";
    RETURN OLD;
END;
$$;

CREATE TRIGGER "pki_issuers_delete_with_snapshot"
    AFTER DELETE ON "snapshots"
    FOR EACH ROW EXECUTE FUNCTION "pki_issuers_delete_with_snapshot"();
