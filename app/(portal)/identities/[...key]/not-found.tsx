import { NotInInventory } from "@/components/inventory/not-in-inventory";

export default function IdentityNotFound() {
  return <NotInInventory what="identity" back="/identities" />;
}
