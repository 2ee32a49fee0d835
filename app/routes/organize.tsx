import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireRole } from "~/services/auth.server";

/** The organizers' console. Each child route checks the role again: this check protects no action. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  return null;
}

export default function OrganizeLayout() {
  return <Outlet />;
}
