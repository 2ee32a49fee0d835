import { useTranslation } from "~/i18n/react";
import { List } from "~/components/list";

export type AuditRow = {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
};

/** Audit events, newest first: when, who (or Mosaic itself), what, about what, and the details. */
export function AuditTable({ events, labelledBy }: { events: AuditRow[]; labelledBy: string }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p>{t("audit.none")}</p>;
  return (
    <List
      labelledBy={labelledBy}
      columns={[t("audit.when"), t("audit.who"), t("audit.what"), t("audit.about"), t("audit.details")]}
    >
      {events.map((event) => (
        <tr key={event.id} data-testid="audit-row">
          <td>
            <time dateTime={event.at}>{event.at.slice(0, 19).replace("T", " ")} UTC</time>
          </td>
          <td>{event.actor ?? t("audit.system")}</td>
          <td>{t(`audit.action.${event.action}`, { defaultValue: event.action })}</td>
          <td>{event.subject}</td>
          <td>
            <code className="detail">{JSON.stringify(event.detail)}</code>
          </td>
        </tr>
      ))}
    </List>
  );
}
