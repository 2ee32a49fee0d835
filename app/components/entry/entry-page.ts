import type { useLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/entries.$id";

/** What the entry page's loader gives its sections (app/routes/entries.$id.tsx). */
export type EntryPage = ReturnType<typeof useLoaderData<typeof loader>>;
