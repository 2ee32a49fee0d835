/**
 * Any address no other route answers: a 404 thrown from a loader, so that the root loader runs
 * first and the "not found" page comes in the visitor's language (an address no route matches
 * at all would render without it, in English).
 */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
