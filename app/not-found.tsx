import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <p className="text-5xl font-semibold text-slate-300">404</p>
      <h1 className="mt-2 text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-slate-600">There is nothing here, or you may not see it.</p>
      <Link href="/" className="mt-4 inline-block text-brand-600 hover:underline">Back to the dashboard</Link>
    </main>
  );
}
