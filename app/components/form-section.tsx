import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "~/i18n/react";

/**
 * A long form's sections (the contest's settings, an entry's page). On a phone (below 40rem) each
 * folds behind its heading, a button that names it and says how far it has got, and one is open at
 * a time: the first that needs something when the page loads, the one holding the first problem
 * after a refused submission, the one a link leads into. Wider screens see every section open and
 * never see the buttons; without scripts every section stays open. A folded section is hidden, not
 * removed, so what was typed in it stays in the form (and is saved and sent with it).
 */

/** How far a section has got: its needed answers given, and whether any is wrong. */
type Progress = { done: number; total: number; error: boolean };

type Group = {
  scripted: boolean;
  open: string | null;
  toggle: (id: string) => void;
  reveal: (id: string) => void;
  report: (id: string, progress: Progress) => void;
  needs: ReadonlySet<string>;
  refused: boolean;
};

const GroupContext = createContext<Group | null>(null);

/** The event a section listens for to open before something inside it takes focus (`jumpTo`). */
const REVEAL = "mosaic:reveal";

/** Opens the folded section holding `element` (if any), at once, so that it can take focus. */
export function revealSection(element: Element) {
  element.dispatchEvent(new Event(REVEAL, { bubbles: true }));
}

/**
 * The group of a form's sections. `needs` names (by id, in the order the form lists them) the
 * fields, or the headings of parts, that still need something before the form can be sent, as the
 * server says (an entry's "Before you can submit"); `refused` says the last submission was refused,
 * which turns what is still needed into problems. A field's own error (`aria-invalid`) is one too.
 */
export function FormSections({
  needs = [],
  refused = false,
  children,
}: {
  needs?: string[];
  refused?: boolean;
  children: ReactNode;
}) {
  const [scripted, setScripted] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  // whether the page has chosen its first open section, and a submission waiting for its answer
  const settled = useRef(false);
  const submitted = useRef(false);
  const focusWrong = useRef<string | null>(null);
  useEffect(() => setScripted(true), []);

  const report = useCallback((id: string, next: Progress) => {
    setProgress((all) => {
      const now = all[id];
      if (now && now.done === next.done && now.total === next.total && now.error === next.error) return all;
      return { ...all, [id]: next };
    });
  }, []);
  const reveal = useCallback((id: string) => flushSync(() => setOpen(id)), []);
  const toggle = useCallback((id: string) => setOpen((current) => (current === id ? null : id)), []);

  // A submission of the sections' form (the browser's own, or one the form's checks stopped) may
  // come back with problems, or meet the same ones again; a small form inside a section (adding a
  // co-creator) is that section's own business.
  const [submits, setSubmits] = useState(0);
  useEffect(() => {
    const onSubmit = (event: Event) => {
      if (!(event.target instanceof HTMLFormElement) || !event.target.querySelector("[data-form-section]")) return;
      submitted.current = true;
      setSubmits((count) => count + 1);
    };
    // typing elsewhere means the entrant has moved on from that answer
    const onInput = () => {
      submitted.current = false;
    };
    document.addEventListener("submit", onSubmit, true);
    document.addEventListener("input", onInput, true);
    return () => {
      document.removeEventListener("submit", onSubmit, true);
      document.removeEventListener("input", onInput, true);
    };
  }, []);

  // A link to a part of the page (the settings' own menu, the dashboard's link to #retention) opens it.
  useEffect(() => {
    const onHash = () => {
      const id = linkedSection();
      if (id) setOpen(id);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  useEffect(() => {
    const ids = sectionsInOrder(Object.keys(progress));
    if (!ids.length) return;
    const needy = ids.find((id) => progress[id]!.error || progress[id]!.done < progress[id]!.total);
    if (!settled.current) {
      settled.current = true;
      setOpen(linkedSection() ?? needy ?? ids[0]!);
      return;
    }
    const wrong = ids.find((id) => progress[id]!.error);
    if (!submitted.current || !wrong) return;
    submitted.current = false;
    focusWrong.current = wrong;
    setOpen(wrong);
  }, [progress, submits]);

  // The form's own checks tried to focus the first wrong field while its section was folded; once
  // it is open, focus it, unless the form has put focus somewhere else (the entry's list of what is
  // missing) in the meantime.
  useEffect(() => {
    const wrong = focusWrong.current;
    if (!wrong || open !== wrong) return;
    focusWrong.current = null;
    const active = document.activeElement;
    if (!active || active === document.body || (active instanceof HTMLButtonElement && active.type === "submit")) {
      document.getElementById(wrong)?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    }
  }, [open, progress]);

  const group = useMemo(
    () => ({ scripted, open, toggle, reveal, report, needs: new Set(needs), refused }),
    // the needs compared by value: a new array with the same ids is the same list
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scripted, open, toggle, reveal, report, needs.join("\n"), refused],
  );
  return <GroupContext.Provider value={group}>{children}</GroupContext.Provider>;
}

/** The id of the section the address's #fragment points into, if it does. */
function linkedSection() {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  return target?.closest<HTMLElement>("[data-form-section]")?.id ?? null;
}

/** Sections' ids in the order they stand on the page. */
function sectionsInOrder(ids: string[]) {
  return ids
    .map((id) => document.getElementById(id))
    .filter((element): element is HTMLElement => element !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map((element) => element.id);
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * What a section's fields say of it: its needed answers (a control marked `required`, and anything
 * the form's `needs` names in it), how many are given, and whether one is wrong.
 */
function measure(body: HTMLElement, needs: ReadonlySet<string>, refused: boolean): Progress {
  const controls = Array.from(body.querySelectorAll<Control>("input, select, textarea")).filter(
    (control) => control.name && !["hidden", "file", "submit", "button", "reset", "image"].includes(control.type),
  );
  // one answer per name: a group of radios is one question
  const answers = new Map<string, { given: boolean; needed: boolean }>();
  for (const control of controls) {
    const answer = answers.get(control.name) ?? { given: false, needed: false };
    answer.needed ||= control.required || control.getAttribute("aria-required") === "true";
    answer.given ||=
      control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox")
        ? control.checked
        : control.value.trim() !== "";
    answers.set(control.name, answer);
  }
  let needed = false;
  for (const id of needs) {
    const element = body.querySelector(`#${CSS.escape(id)}`);
    if (!element) continue;
    needed = true;
    const name = element.getAttribute("name");
    // a named field counts once; a part's heading or file picker stands for what it lacks
    answers.set(name && answers.has(name) ? name : `#${id}`, { given: false, needed: true });
  }
  const counted = Array.from(answers.values()).filter((answer) => answer.needed);
  return {
    done: counted.filter((answer) => answer.given).length,
    total: counted.length,
    error: Boolean(body.querySelector("[aria-invalid=true]")) || (refused && needed),
  };
}

/**
 * One section of a long form, in a {@link FormSections} group: a fieldset under its legend, or
 * (`as="div"`) a block under an h2 (`heading` gives the h2 the id and ref its page points at). It
 * folds on a phone; `optional` says a section with nothing needed is optional rather than done.
 * `testId` names it for browser tests.
 */
export function FormSection({
  id,
  title,
  as = "fieldset",
  className,
  heading,
  optional = false,
  titleHidden = false,
  testId,
  children,
}: {
  id: string;
  title: string;
  as?: "fieldset" | "div";
  className?: string;
  heading?: { id?: string; ref?: Ref<HTMLHeadingElement>; tabIndex?: number };
  optional?: boolean;
  /** a heading only a phone's reader sees (and its button): wider screens never had one here */
  titleHidden?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const group = useContext(GroupContext);
  const bodyId = useId();
  const root = useRef<HTMLElement | null>(null);
  const [progress, setProgress] = useState<Progress>({ done: 0, total: 0, error: false });
  const needs = group?.needs;
  const refused = group?.refused ?? false;
  const report = group?.report;

  // Measured after every render (errors come and go with one) and as the user types.
  const update = useCallback(() => {
    const body = root.current?.querySelector<HTMLElement>(":scope > .form-section-body");
    if (!body || !needs) return;
    const next = measure(body, needs, refused);
    setProgress((now) => (now.done === next.done && now.total === next.total && now.error === next.error ? now : next));
    report?.(id, next);
  }, [id, needs, refused, report]);
  useEffect(update);
  useEffect(() => {
    const element = root.current;
    const reveal = group?.reveal;
    if (!element || !reveal) return;
    const onReveal = () => reveal(id);
    element.addEventListener("input", update);
    element.addEventListener("change", update);
    element.addEventListener(REVEAL, onReveal);
    return () => {
      element.removeEventListener("input", update);
      element.removeEventListener("change", update);
      element.removeEventListener(REVEAL, onReveal);
    };
  }, [id, update, group?.reveal]);

  const scripted = Boolean(group?.scripted);
  const open = !scripted || group?.open === id;
  const state = progress.error
    ? t("sections.attention")
    : progress.total === 0 && optional
      ? t("sections.optional")
      : progress.done >= progress.total
        ? t("sections.done")
        : t("sections.progress", { done: progress.done, total: progress.total });
  const label = (
    <>
      <span className="form-section-title">{title}</span>
      {scripted ? (
        <button
          type="button"
          className="section-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => group?.toggle(id)}
        >
          <span>{title}</span>
          <span className={progress.error ? "section-progress section-attention" : "section-progress"}>{state}</span>
        </button>
      ) : null}
    </>
  );
  const quiet = titleHidden ? "visually-hidden form-section-quiet" : undefined;
  const body = (
    <div id={bodyId} className="form-section-body" data-folded={open ? undefined : "true"}>
      {children}
    </div>
  );
  const common = {
    id,
    className,
    "data-form-section": "",
    "data-scripted": scripted ? "" : undefined,
    "data-testid": testId,
  };
  return as === "fieldset" ? (
    <fieldset
      ref={(element) => {
        root.current = element;
      }}
      {...common}
    >
      <legend className={quiet}>{label}</legend>
      {body}
    </fieldset>
  ) : (
    <div
      ref={(element) => {
        root.current = element;
      }}
      {...common}
    >
      <h2 {...heading} className={quiet}>
        {label}
      </h2>
      {body}
    </div>
  );
}
