/** HTML text for the self-contained reports cells, panels and the CLI render. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe to put in HTML (and XML/SVG) content and in quoted attribute values: escapes
 * `&`, `<`, `>`, `"` and `'`. The one escaper every HTML-producing module uses.
 *
 * @example
 * escapeHtml(`<b title="x">Tom & Jerry's</b>`) // '&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
