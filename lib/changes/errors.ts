/**
 * A request that is well-formed but cannot be carried out against the current inventory or
 * Terraform repository (unknown secret, identity not managed in Terraform, already granted...).
 * It names the form field, so the form shows it where the user can fix it. Nothing is stored.
 */
import { AppError, isAppError } from "@/lib/errors";

export function rejectField(field: string, message: string): never {
  throw new AppError("unprocessable", { userMessage: message, details: { field } });
}

/** The field and message of a rejection thrown by rejectField, else null. */
export function fieldRejection(error: unknown): { field: string; message: string } | null {
  if (!isAppError(error) || error.code !== "unprocessable") return null;
  const details = error.details as { field?: unknown } | undefined;
  return typeof details?.field === "string" ? { field: details.field, message: error.userMessage } : null;
}
