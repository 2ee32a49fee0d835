import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireRole } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

/** The organizers' console. Each child route checks the role again: this check protects no action. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  return null;
}

export default function OrganizeLayout() {
  return <Outlet />;
}
