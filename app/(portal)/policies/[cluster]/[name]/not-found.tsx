import { NotInInventory } from "@/components/inventory/not-in-inventory";

export default function PolicyNotFound() {
  return <NotInInventory what="policy" back="/policies" />;
}
