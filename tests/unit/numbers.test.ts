import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n";
import { formatBytes, formatDuration, formatNumber, formatPercent, formatRange, numberFormat } from "~/i18n/numbers";
import { rejectionMessage, storedRejection } from "~/models/media";

/** `Intl` puts a no-break or narrow no-break space where a line must not break; read both as spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const MB = 1024 * 1024;

describe("numbers in each language", () => {
  it("write file sizes with the language's decimal mark and unit", () => {
    expect(plain(formatBytes("en", 2.5 * MB))).toBe("2.5 MB");
    expect(plain(formatBytes("fr", 2.5 * MB))).toBe("2,5 Mo");
    expect(plain(formatBytes("es", 2.5 * MB))).toBe("2,5 MB");
    expect(plain(formatBytes("fr", 1.5 * 1024 * MB))).toBe("1,5 Go");
    expect(plain(formatBytes("fr", 500 * MB))).toBe("500 Mo");
    expect(plain(formatBytes("fr", 300 * 1024))).toBe("300 ko");
    expect(plain(formatBytes("en", 300 * 1024))).toBe("300 kB");
    expect(plain(formatBytes("fr", 1.2 * MB, { perSecond: true }))).toBe("1,2 Mo/s");
  });

  it("write sizes in Arabic as Intl does, with Arabic units", () => {
    const size = plain(formatBytes("ar", 2.5 * MB));
    expect(size).toMatch(/^(2\.5|٢٫٥) م\.ب$/);
    // a region that writes Arabic-Indic digits gets them
    expect(plain(formatBytes("ar-EG", 2.5 * MB))).toBe("٢٫٥ م.ب");
  });

  it("write numbers, shares and durations as the language does", () => {
    expect(formatNumber("en", 1234.5)).toBe("1,234.5");
    expect(plain(formatNumber("fr", 1234.5))).toBe("1 234,5");
    expect(formatNumber("es", 62.5)).toBe("62,5");
    expect(formatNumber("fr", null)).toBe("—");
    expect(formatNumber("en", 72, 0)).toBe("72");
    expect(formatPercent("en", 0.64)).toBe("64%");
    expect(plain(formatPercent("fr", 0.64))).toBe("64 %");
    expect(plain(formatPercent("es", 0.64))).toBe("64 %");
    expect(formatPercent("ar", 0.64)).toMatch(/(64|٦٤)/);
    expect(formatRange("fr", 18, 20)).toBe("18–20");
    expect(formatRange("ar-EG", 18, 20)).toBe("١٨–٢٠");
    expect(formatDuration("en", 125)).toBe("2 min 5 sec");
    expect(plain(formatDuration("fr", 125))).toBe("2 min 5 s");
    expect(plain(formatDuration("fr", 0.2))).toBe("1 s");
    expect(plain(formatDuration("es", 180))).toBe("3 min");
  });

  it("make each formatter once", () => {
    expect(numberFormat("fr", { style: "percent" })).toBe(numberFormat("fr", { style: "percent" }));
  });

  it("reach messages too, on the server as in the page ({{max, bytes}})", () => {
    const big = rejectionMessage({ reason: "tooLarge", maxBytes: 25 * MB });
    expect(plain(createI18n("fr").t(big.key, big.values))).toContain("(25 Mo)");
    expect(createI18n("en").t(big.key, big.values)).toContain("(25 MB)");
    // a rejection stored before, with its limit in whole megabytes, reads the same
    const legacy = storedRejection(JSON.stringify({ key: "media.rejected.tooLarge", values: { size: 25 } }));
    expect(plain(createI18n("fr").t(legacy.key, legacy.values))).toContain("(25 Mo)");
    expect(storedRejection(JSON.stringify(big))).toEqual(big);
  });
});
