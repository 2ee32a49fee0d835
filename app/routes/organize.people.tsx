import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorList, Field } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { AuditTable } from "~/components/audit-table";
import { ListFilters, pageLink, SearchFilter, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { pageTitle } from "~/i18n/meta";
import { listAudit } from "~/models/audit.server";
import { ROLES } from "~/schemas/role";
import { erasePerson, invitePerson, listPeople, setActive, setRole } from "~/models/people.server";
import { hasRole, requireRole } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "people.title");

const inviteSchema = z.object({
  email: z.string({ required_error: "errors.required" }).trim().email("errors.emailInvalid").max(254),
  role: z.enum(["organizer", "admin"]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "organizer");
  const url = new URL(request.url);
  const query = {
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    role: (ROLES as readonly string[]).includes(url.searchParams.get("role") ?? "")
      ? url.searchParams.get("role")!
      : "",
    state: ["active", "deactivated"].includes(url.searchParams.get("state") ?? "")
      ? url.searchParams.get("state")!
      : "",
    page: Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1)),
  };
  const [list, history] = await Promise.all([listPeople(query), listAudit(null, undefined, 20)]);
  return {
    history: history.events,
    me: user.id,
    isAdmin: hasRole(user, "admin"),
    query,
    total: list.total,
    pages: list.pages,
    rows: list.rows.map((r) => ({
      id: r.id,
      email: r.email,
      fullName: r.fullName,
      role: r.role,
      deactivated: Boolean(r.deactivatedAt),
      entries: r._count.entries,
      judging: r._count.judgeOf,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "organizer");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
    const invited = await invitePerson(
      user,
      submission.value.email,
      submission.value.role,
      await resolveLocale(request, user.locale),
    );
    if (!invited.ok) {
      return data(
        { result: submission.reply({ formErrors: [`people.refused.${invited.reason}`] }), done: null },
        { status: 403 },
      );
    }
    return data({ result: submission.reply({ resetForm: true }), done: "people.invited" });
  }
  const userId = String(formData.get("userId") ?? "");
  if (intent === "erase") {
    const erased = await erasePerson(user, userId, String(formData.get("confirmEmail") ?? "").slice(0, 254));
    if (!erased.ok)
      return data(
        { result: undefined, done: null, refused: `people.refused.${erased.reason}` },
        { status: erased.reason === "mismatch" ? 400 : 403 },
      );
    return data({ result: undefined, done: "people.done.erase" });
  }
  const role = ROLES.find((r) => r === formData.get("role"));
  if (intent === "role" && !role) throw new Response("Bad request", { status: 400 });
  const result =
    intent === "role" && role
      ? await setRole(user, userId, role, await resolveLocale(request, user.locale))
      : intent === "deactivate" || intent === "reactivate"
        ? await setActive(user, userId, intent === "reactivate")
        : ({ ok: false, reason: "notFound" } as const);
  if (!result.ok)
    return data({ result: undefined, done: null, refused: `people.refused.${result.reason}` }, { status: 403 });
  return data({ result: undefined, done: `people.done.${intent}` });
}

/** Everyone with an account: invite organizers, change roles, deactivate and reactivate. */
export default function People() {
  const { me, isAdmin, query, total, pages, rows, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const idle = navigation.state === "idle";
  const [form, fields] = useForm({
    id: "invite",
    lastResult: idle ? actionData?.result : undefined,
    defaultValue: { role: "organizer" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  const link = pageLink("/organize/people", { q: query.q, role: query.role, state: query.state });
  const refused = actionData && "refused" in actionData ? actionData.refused : null;
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{t("people.title")}</h1>
      <p>{t("people.intro")}</p>
      {actionData?.done && idle ? (
        <p role="status" className="notice">
          {t(actionData.done)}
        </p>
      ) : null}
      {refused ? <ErrorList errors={[refused]} /> : null}

      <Form method="post" {...getFormProps(form)} className="card">
        <h2>{t("people.invite")}</h2>
        <input type="hidden" name="intent" value="invite" />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label={t("people.email")}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email", ariaAttributes: false }), autoComplete: "off" }}
        />
        <div className="field">
          <label htmlFor={fields.role.id}>{t("people.role")}</label>
          <select {...getSelectProps(fields.role, { ariaAttributes: false })}>
            <option value="organizer">{t("people.roles.organizer")}</option>
            {isAdmin ? <option value="admin">{t("people.roles.admin")}</option> : null}
          </select>
        </div>
        <p className="field-hint">{t("people.judgesHint")}</p>
        <button type="submit" className="button" disabled={!idle}>
          {t("people.send")}
        </button>
      </Form>

      <ListFilters label={t("people.search")}>
        <SearchFilter id="q" label={t("people.search")} value={query.q} />
        <SelectFilter
          id="role"
          name="role"
          label={t("people.role")}
          value={query.role}
          options={ROLES.map((r) => ({ value: r, label: t(`people.roles.${r}`) }))}
        />
        <SelectFilter
          id="state"
          name="state"
          label={t("people.state")}
          value={query.state}
          options={[
            { value: "active", label: t("people.active") },
            { value: "deactivated", label: t("people.deactivated") },
          ]}
        />
      </ListFilters>
      <p role="status">{t("people.found", { count: total })}</p>
      <div className="table-scroll">
        <table aria-labelledby="people-title">
          <thead>
            <tr>
              <th scope="col">{t("people.person")}</th>
              <th scope="col">{t("people.role")}</th>
              <th scope="col">{t("people.records")}</th>
              <th scope="col">{t("people.state")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const mayChange = r.id !== me && (isAdmin || r.role !== "admin");
              return (
                <tr key={r.id} data-testid="person-row">
                  <th scope="row">
                    {r.fullName ? `${r.fullName} · ` : ""}
                    {r.email}
                  </th>
                  <td>
                    {mayChange ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={r.id} />
                        <label className="visually-hidden" htmlFor={`role-${r.id}`}>
                          {t("people.roleOf", { email: r.email })}
                        </label>
                        <select id={`role-${r.id}`} name="role" defaultValue={r.role}>
                          {ROLES.filter((role) => isAdmin || role !== "admin").map((role) => (
                            <option key={role} value={role}>
                              {t(`people.roles.${role}`)}
                            </option>
                          ))}
                        </select>{" "}
                        <button type="submit" className="button button-secondary" disabled={!idle}>
                          {t("people.change")}
                        </button>
                      </Form>
                    ) : (
                      t(`people.roles.${r.role}`, { defaultValue: r.role })
                    )}
                  </td>
                  <td>{t("people.recordCounts", { entries: r.entries, judging: r.judging })}</td>
                  <td>
                    {r.deactivated ? t("people.deactivated") : t("people.active")}
                    {mayChange ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value={r.deactivated ? "reactivate" : "deactivate"} />
                        <input type="hidden" name="userId" value={r.id} />
                        <button
                          type="submit"
                          className="link-button"
                          disabled={!idle}
                          aria-label={t(r.deactivated ? "people.reactivateNamed" : "people.deactivateNamed", {
                            email: r.email,
                          })}
                        >
                          {t(r.deactivated ? "people.reactivate" : "people.deactivate")}
                        </button>
                      </Form>
                    ) : null}
                    {mayChange && isAdmin ? (
                      <details>
                        <summary>{t("people.erase")}</summary>
                        <Form method="post">
                          <input type="hidden" name="intent" value="erase" />
                          <input type="hidden" name="userId" value={r.id} />
                          <p className="field-hint">{t("people.eraseHint")}</p>
                          <Field
                            label={t("people.eraseConfirm", { email: r.email })}
                            inputProps={{
                              id: `erase-${r.id}`,
                              name: "confirmEmail",
                              type: "email",
                              required: true,
                              autoComplete: "off",
                            }}
                          />
                          <button type="submit" className="button button-danger" disabled={!idle}>
                            {t("people.eraseNamed", { email: r.email })}
                          </button>
                        </Form>
                      </details>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={query.page} pages={pages} link={link} />
      <h2 id="people-history">{t("people.history")}</h2>
      <AuditTable events={history} labelledBy="people-history" />
    </section>
  );
}
