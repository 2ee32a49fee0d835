import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "~/forms";

export type SaveState = "idle" | "saving" | "saved" | "offline" | "conflict";

/**
 * Saves a form as its user types (debounced), one save at a time, each carrying the
 * revision it started from. Unsaved values are kept in this browser until the server has them,
 * so a reload or a lost connection loses nothing; saving resumes when the connection returns.
 */
export function useAutosave<Extra extends object = object>(url: string, storageKey: string, initialRevision: number) {
  const formRef = useRef<HTMLFormElement>(null);
  const revision = useRef(initialRevision);
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [state, setState] = useState<SaveState>("idle");
  // the last answer that saved, with whatever else the endpoint sends (the entry's `missing`)
  const [latest, setLatest] = useState<ActionResult<{ revision?: number } & Extra>>();

  const save = useCallback(async () => {
    const form = formRef.current;
    if (!form) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    if (!navigator.onLine) return setState("offline");
    inFlight.current = true;
    const body = new FormData(form);
    body.set("revision", String(revision.current));
    setState("saving");
    try {
      const response = await fetch(url, { method: "POST", body });
      // `{ result, revision }` (app/forms.ts); the revision is the one the next save starts from
      const answer = (await response.json()) as ActionResult<{ revision?: number } & Extra>;
      if (response.ok && answer.revision !== undefined) {
        revision.current = answer.revision;
        const hidden = form.elements.namedItem("revision") as HTMLInputElement | null;
        if (hidden) hidden.value = String(answer.revision);
        if (!again.current) localStorage.removeItem(storageKey);
        setLatest(answer);
        setState("saved");
      } else setState(response.status === 409 ? "conflict" : "offline");
    } catch {
      setState("offline");
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  }, [url, storageKey]);

  // File changes on the server (upload, removal, alt text) move the revision too; follow it.
  useEffect(() => {
    if (initialRevision <= revision.current) return;
    revision.current = initialRevision;
    const hidden = formRef.current?.elements.namedItem("revision") as HTMLInputElement | null;
    if (hidden) hidden.value = String(initialRevision);
  }, [initialRevision]);

  useEffect(() => {
    const back = () => localStorage.getItem(storageKey) && void save();
    window.addEventListener("online", back);
    return () => window.removeEventListener("online", back);
  }, [save, storageKey]);

  // After a reload: restore what this browser had not saved yet, then save it.
  useEffect(() => {
    const form = formRef.current;
    const kept = localStorage.getItem(storageKey);
    if (!form || !kept) return;
    const { revision: keptRevision, values } = JSON.parse(kept) as { revision: number; values: Record<string, string> };
    if (keptRevision !== revision.current) return localStorage.removeItem(storageKey);
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) continue;
      if (!element.name || element.type === "hidden") continue;
      if (element instanceof HTMLInputElement && element.type === "checkbox")
        element.checked = values[element.name] === "on";
      else if (element instanceof HTMLInputElement && element.type === "radio") {
        element.checked = values[element.name] === element.value;
      } else if (element.name in values) element.value = values[element.name]!;
    }
    void save();
  }, [save, storageKey]);

  const onChange = () => {
    const form = formRef.current;
    if (!form) return;
    const values = Object.fromEntries(Array.from(new FormData(form).entries()).map(([k, v]) => [k, String(v)]));
    localStorage.setItem(storageKey, JSON.stringify({ revision: revision.current, values }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), 800);
  };

  /**
   * For the form's own submit (a final "Submit"): the submission carries every value, so a save
   * still waiting for its debounce is dropped (it would move the revision under the submission),
   * and a save in flight is let finish first, so the submission carries the newest revision.
   */
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current);
    const form = event.currentTarget;
    if (inFlight.current) {
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      setTimeout(() => form.requestSubmit(submitter), 300);
      return;
    }
    // React resets a hidden input's value to its defaultValue when it re-renders, so the revision
    // the submission carries is written here, just before the form's values are read.
    const hidden = form.elements.namedItem("revision") as HTMLInputElement | null;
    if (hidden) hidden.value = String(revision.current);
  };

  return { formRef, onChange, onSubmit, state, latest };
}
