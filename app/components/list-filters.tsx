import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

/**
 * The search-and-filter bar of the organizers' long lists (entries, entrants, people, screening,
 * judges' assignments, the shortlist): a GET form, so a filtered page is a link one can share,
 * and the browser's back button undoes a filter.
 */
export function ListFilters({
  label,
  keep = {},
  children,
}: {
  label: string;
  /** values the form sends back unchanged: another list's filters on the same page */
  keep?: Record<string, string>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="panel filters" role="search" aria-label={label} preventScrollReset>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className="button button-secondary">
        {t("entryList.apply")}
      </button>
    </Form>
  );
}

export function SearchFilter({
  id,
  label,
  value,
  name = "q",
}: {
  id: string;
  label: string;
  value: string;
  name?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="search" defaultValue={value} />
    </div>
  );
}

/** A select whose first choice, "any", sets no filter. */
export function SelectFilter({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{t("entryList.any")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A box that, ticked, sends `name=1` and narrows the list. */
export function CheckFilter({
  id,
  name,
  label,
  checked,
}: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
}) {
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" name={name} value="1" defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * A link to `page` of a list with the same filters: empty ones are left out of the address.
 * `pageParam` names the page where one address pages two lists.
 */
export function pageLink(path: string, filters: Record<string, string | boolean>, pageParam = "page") {
  return (page: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) {
      if (value === true) params.set(name, "1");
      else if (value) params.set(name, value);
    }
    params.set(pageParam, String(page));
    return `${path}?${params}`;
  };
}
