import { useTranslation } from "react-i18next";

const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and style, made once: `Intl.NumberFormat` is costly to create. */
function formatter(language: string, options: Intl.NumberFormatOptions) {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

/**
 * Numbers as the reader's language writes them ("62.5" in English, "62,5" in French), with a
 * dash for a value that does not exist, and shares as percentages ("64 %" in French).
 */
export function useNumbers() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    number: (value: number | null | undefined, digits = 1) =>
      value == null
        ? "—"
        : formatter(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
    percent: (value: number | null | undefined) =>
      value == null ? "—" : formatter(language, { style: "percent", maximumFractionDigits: 0 }).format(value),
  };
}
