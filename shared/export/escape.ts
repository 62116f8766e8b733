// Escaping for exported documents: user text (study names, questions, keywords...)
// is always inserted as text, never as markup, in both the HTML and the Markdown
// renderings.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Escapes text for Markdown (CommonMark and GFM) so it renders literally.
 *
 * Inline control characters are backslash-escaped everywhere; characters that are
 * markup only at the start of a line (list markers, setext underlines, numbered
 * lists) are escaped there. `<` becomes `&lt;` so raw HTML renders as text, and `&`
 * is escaped where it would start a character reference.
 */
export function escapeMarkdown(s: string): string {
  return (
    s
      // Inline markup: code, emphasis, links and images, raw HTML, tables, strikethrough,
      // math, headings (also their closing sequence), blockquotes, and escapes themselves.
      .replace(/[\\`*_{}[\]#>|~$]/g, '\\$&')
      .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
      .replace(/</g, '&lt;')
      // Image marker, in case a renderer ignores the escaped bracket.
      .replace(/!(?=\\\[)/g, '\\!')
      // Line-start markup: bullet lists, thematic breaks, setext underlines, numbered lists.
      .replace(/^([ \t]*)([-+=])/gm, '$1\\$2')
      .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2')
  );
}
