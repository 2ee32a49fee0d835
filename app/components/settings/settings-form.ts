import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { parseForm, type FormResult } from "~/forms";
import type { settingsValues } from "~/models/contest-settings.server";
import { settingsSchema } from "~/schemas/contest";

/** A contest's settings as the form starts from them (see settingsValues). */
export type SettingsValues = Awaited<ReturnType<typeof settingsValues>>;

/** The settings form, checked in the browser with the schema the action uses. */
export function useSettingsForm(values: SettingsValues, lastResult: FormResult | undefined) {
  return useForm({
    id: "settings",
    lastResult,
    defaultValue: values,
    // `required` marks what a section's progress counts (components/form-section.tsx)
    constraint: getZodConstraint(settingsSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, settingsSchema),
  });
}

export type SettingsForm = ReturnType<typeof useSettingsForm>[0];
export type SettingsFields = ReturnType<typeof useSettingsForm>[1];

/** The parts of the page, in order, each a fieldset with the id `settings-<part>` the page's menu links to. */
export const SETTINGS_PARTS = [
  "basics",
  "timeline",
  "eligibility",
  "categories",
  "judging",
  "emails",
  "languages",
] as const;
