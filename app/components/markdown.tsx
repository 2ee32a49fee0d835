import { Fragment, type ReactNode } from "react";

/**
 * A small, safe Markdown renderer for organizers' texts (rules, descriptions): headings,
 * paragraphs, bullet and numbered lists, **bold**, *italic* and [links](https://…) or (/path). It builds
 * React elements, never HTML strings, so nothing an organizer types can run as script.
 */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  // Links go to http(s) addresses or to paths on this site; "//host" and "/\host" would leave it.
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+|\/(?![/\\])[^\s)]*)\)/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    if (match.index > last) out.push(text.slice(last, match.index));
    const key = `${match.index}`;
    if (match[1]) out.push(<strong key={key}>{match[1]}</strong>);
    else if (match[2]) out.push(<em key={key}>{match[2]}</em>);
    else
      out.push(
        <a key={key} href={match[4]} rel="noopener noreferrer">
          {match[3]}
        </a>,
      );
    last = pattern.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** `headingOffset` is the level a `#` heading gets, so a page can fit the text under its own h2. */
export function Markdown({ source, headingOffset = 1 }: { source: string; headingOffset?: number }) {
  const blocks = source.replace(/\r\n/g, "\n").split(/\n{2,}/);
  return (
    <>
      {blocks.map((block, index) => {
        const lines = block.split("\n").filter((line) => line.trim() !== "");
        if (lines.length === 0) return null;
        const heading = /^(#{1,3})\s+(.*)$/.exec(lines[0]!);
        if (heading && lines.length === 1) {
          const level = Math.min(6, heading[1]!.length + headingOffset - 1);
          const Tag = `h${level}` as "h2";
          return <Tag key={index}>{inline(heading[2]!)}</Tag>;
        }
        if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
          return (
            <ul key={index}>
              {lines.map((line, i) => (
                <li key={i}>{inline(line.replace(/^\s*[-*]\s+/, ""))}</li>
              ))}
            </ul>
          );
        }
        if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) {
          return (
            <ol key={index}>
              {lines.map((line, i) => (
                <li key={i}>{inline(line.replace(/^\s*\d+[.)]\s+/, ""))}</li>
              ))}
            </ol>
          );
        }
        return (
          <p key={index}>
            {lines.map((line, i) => (
              <Fragment key={i}>
                {i > 0 ? <br /> : null}
                {inline(line)}
              </Fragment>
            ))}
          </p>
        );
      })}
    </>
  );
}
