import { Body, Button, Container, Head, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The frame shared by every Mosaic email: calm, readable, works without images. */
export function EmailLayout({ lang, preview, children }: { lang: string; preview: string; children: ReactNode }) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f6f4ef",
          fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
          color: "#1f2a37",
        }}
      >
        <Container style={{ maxWidth: 520, margin: "0 auto", padding: "24px" }}>
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
export function OrganizerNote({ heading, note }: { heading: string; note: string }) {
  if (!note.trim()) return null;
  return (
    <Section style={{ borderLeft: "4px solid #0f4c5c", paddingLeft: 12, margin: "16px 0" }}>
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
