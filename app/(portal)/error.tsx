"use client";

/** Shown when a page of the portal fails; the digest lets an admin find the server log line. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-base font-semibold text-red-900">This page could not be shown</h1>
      <p className="mt-1 text-red-800">
        Something failed on the server. Nothing was changed. Try again; if it keeps failing, give an admin this reference:{" "}
        <code className="font-mono">{error.digest ?? "n/a"}</code>.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
        Try again
      </button>
    </div>
  );
}
