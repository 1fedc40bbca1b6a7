import type { Metadata } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Radius", template: "%s · Radius" },
  description: "Who can read every secret, what breaks if it is rotated, and how long until rotation reaches every consumer.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans text-sm">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
