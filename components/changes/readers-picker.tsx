"use client";

import { useState, type KeyboardEvent } from "react";
import { inputClass } from "@/components/ui/form-field";
import { KeySuggestions } from "./key-suggestions";

/** Identity keys as removable chips; each becomes a hidden "readers" field. Enter adds. */
export function ReadersPicker({ initial }: { initial: string[] }) {
  const [readers, setReaders] = useState(initial);
  const [draft, setDraft] = useState("");
  const add = () => {
    const key = draft.trim();
    if (key && !readers.includes(key)) setReaders([...readers, key]);
    setDraft("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      add();
    }
  };
  return (
    <div>
      <div className="flex gap-2">
        <input id="f-readers" aria-label="Add an identity" list="reader-suggestions" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} placeholder="Type to search identities, Enter to add" autoComplete="off" spellCheck={false} className={`${inputClass} mt-0 font-mono`} />
        <button type="button" onClick={add} className="rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50">Add</button>
      </div>
      <KeySuggestions id="reader-suggestions" endpoint="/api/identities" query={draft} />
      <ul className="mt-2 flex flex-wrap gap-1.5" data-testid="readers">
        {readers.map((r) => (
          <li key={r} className="flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-800">
            {r}
            <input type="hidden" name="readers" value={r} />
            <button type="button" aria-label={`Remove ${r}`} onClick={() => setReaders(readers.filter((x) => x !== r))} className="text-slate-500 hover:text-red-700">×</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
