import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { CSSProperties, ReactNode } from "react";
import { directionOf } from "~/i18n";

/** The frame shared by every Mosaic email: calm, readable, works without images. */
export function EmailLayout({ lang, preview, children }: { lang: string; preview: string; children: ReactNode }) {
  const dir = directionOf(lang);
  return (
    <Html lang={lang} dir={dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f6f4ef",
          fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
          color: "#1f2a37",
        }}
      >
        {/* dir again on the content: some webmails drop the <html> element and keep only the body's content */}
        <Container dir={dir} style={{ maxWidth: 520, margin: "0 auto", padding: "24px" }}>
          <Text style={{ fontSize: 18, fontWeight: 700, color: "#0f4c5c", margin: 0 }}>Mosaic</Text>
          <Section style={{ backgroundColor: "#ffffff", borderRadius: 12, padding: "24px", marginTop: 16 }}>
            {children}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** The one call to action of an email. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button
      href={href}
      style={{ backgroundColor: "#0f4c5c", color: "#ffffff", padding: "12px 20px", borderRadius: 8, fontWeight: 600 }}
    >
      {children}
    </Button>
  );
}

/** The organizers' own words for this kind of email, set on the contest's settings page; nothing when empty. */
export function OrganizerNote({ heading, note, lang }: { heading: string; note: string; lang: string }) {
  if (!note.trim()) return null;
  return (
    <Section style={{ ...quoteEdge(lang), margin: "16px 0" }}>
      <Text style={{ fontWeight: 700, margin: "0 0 4px" }}>{heading}</Text>
      {note
        .trim()
        .split(/\n{2,}/)
        .map((paragraph, index) => (
          <Text key={index} style={{ margin: "0 0 8px", whiteSpace: "pre-line" }}>
            {paragraph}
          </Text>
        ))}
    </Section>
  );
}

/**
 * The rule beside a quoted text, on the side where the reader's lines begin. Physical sides on
 * purpose: many mail clients ignore logical properties such as `border-inline-start`.
 */
export function quoteEdge(lang: string, width = 4): CSSProperties {
  const border = `${width}px solid #0f4c5c`;
  return directionOf(lang) === "rtl"
    ? { borderRight: border, paddingRight: 12 }
    : { borderLeft: border, paddingLeft: 12 };
}
