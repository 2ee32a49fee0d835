import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/services/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return signOut(request, "/");
}
