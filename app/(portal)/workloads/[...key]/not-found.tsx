import { NotInInventory } from "@/components/inventory/not-in-inventory";

export default function WorkloadNotFound() {
  return <NotInInventory what="workload" back="/workloads" />;
}
