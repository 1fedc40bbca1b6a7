export { default } from "@/components/inventory/table-skeleton";
