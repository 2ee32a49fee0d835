import { Fragment } from "react";
import { useTranslation } from "~/i18n/react";

type Answer = boolean | null;

/** "Yes", "No", or "—" for a question the entrant has not answered yet. */
export function useYesNo() {
  const { t } = useTranslation();
  return (value: Answer) => (value == null ? "—" : value ? t("entry.yes") : t("entry.no"));
}

const DO_NO_HARM = ["showsSurvivors", "showsExactLocations", "graphicContent"] as const;

/**
 * The entrant's do-no-harm answers as terms and their descriptions, for a `<dl>`: what a guardian
 * reads before consenting and an organizer before screening.
 */
export function DoNoHarmAnswers({ entry }: { entry: Record<(typeof DO_NO_HARM)[number], Answer> }) {
  const { t } = useTranslation();
  const yesNo = useYesNo();
  return DO_NO_HARM.map((question) => (
    <Fragment key={question}>
      <dt>{t(`entry.${question}`)}</dt>
      <dd>{yesNo(entry[question])}</dd>
    </Fragment>
  ));
}
