import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireRole } from "~/services/auth.server";
import { staffPageLoader } from "~/i18n/staff-page";

/** In the browser, with the messages of organizers' and judges' pages (i18n/staff-page.ts). */
export const clientLoader = staffPageLoader;

/** The organizers' console. Each child route checks the role again: this check protects no action. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  return null;
}

export default function OrganizeLayout() {
  return <Outlet />;
}
