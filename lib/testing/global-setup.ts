// Placeholder: replaced by the database test harness (embedded Postgres for integration tests).
export default async function setup(): Promise<void> {}
