import { NotInInventory } from "@/components/inventory/not-in-inventory";

export default function SecretNotFound() {
  return <NotInInventory what="secret" back="/secrets" />;
}
