// Writes a Head as HTML for the server's page. Every value is escaped: story text never becomes markup.
import { type Head, scriptSafeJson } from "./head";

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

export function renderHead(head: Head): string {
  const tags = head.tags.map(({ tag, attrs }) => {
    const attributes = Object.entries(attrs)
      .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
      .join(" ");
    return `<${tag} ${attributes} data-head>`;
  });
  const jsonLd = (head.jsonLd ?? []).map(
    (data) => `<script type="application/ld+json" data-head>${scriptSafeJson(data)}</script>`,
  );
  return [`<title>${escapeHtml(head.title)}</title>`, ...tags, ...jsonLd].join("\n    ");
}
