/**
 * Numbers, shares, file sizes and durations as each language writes them ("2.5 MB" in English,
 * "2,5 Mo" in French, "64 %" in French), from `Intl` alone: the same words on a page, in a
 * server's message and in an email. Pure, so the server, the browser and tests share it.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and options, made once: `Intl.NumberFormat` is costly to create. */
export function numberFormat(language: string, options: Intl.NumberFormatOptions = {}) {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

/** A number with exactly `digits` decimals ("62.5", "62,5"), or a dash for one that does not exist. */
export function formatNumber(language: string, value: number | null | undefined, digits = 1) {
  if (value == null) return "—";
  return numberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A range of whole numbers ("18–20"), its dash and digits as the language writes them. */
export function formatRange(language: string, from: number, to: number) {
  return numberFormat(language, { maximumFractionDigits: 0 }).formatRange(from, to);
}

/** A share between 0 and 1 as a whole percentage ("64%", "64 %"), or a dash. */
export function formatPercent(language: string, share: number | null | undefined) {
  if (share == null) return "—";
  return numberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/**
 * A file size in the largest unit that keeps it at least 1 ("2.5 MB", "2,5 Mo", "500 MB",
 * "1.5 GB"). Sizes count in 1024s, as the contest settings do ("a 25 MB limit" is 25 × 1024²
 * bytes). `perSecond` makes a speed of it ("1.2 MB/s").
 */
export function formatBytes(language: string, bytes: number, { perSecond = false } = {}) {
  const [unit, size, digits] =
    bytes >= GB
      ? (["gigabyte", bytes / GB, 1] as const)
      : bytes >= MB
        ? (["megabyte", bytes / MB, 1] as const)
        : bytes >= KB
          ? (["kilobyte", bytes / KB, 0] as const)
          : (["byte", bytes, 0] as const);
  return numberFormat(language, {
    style: "unit",
    unit: perSecond ? `${unit}-per-second` : unit,
    unitDisplay: "short",
    maximumFractionDigits: digits,
  }).format(size);
}

function unit(language: string, unit: "day" | "hour" | "minute" | "second", value: number) {
  return numberFormat(language, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 0 }).format(value);
}

/** A duration in minutes and seconds ("2 min 5 s", "45 s", "3 min"); whole seconds, at least one. */
export function formatDuration(language: string, seconds: number) {
  const total = Math.max(1, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  if (minutes === 0) return unit(language, "second", total);
  if (rest === 0) return unit(language, "minute", minutes);
  return `${unit(language, "minute", minutes)} ${unit(language, "second", rest)}`;
}
