/**
 * Characters that reorder the text around them (bidirectional embeddings, overrides and isolates, and the marks):
 * a name holding U+202E can make a report read differently from what it says. Each is shown as its code point.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Shows bidirectional control characters as `[U+202E]` instead of letting them reorder the report. */
export function neutralizeBidi(text: string): string {
  return text.replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return neutralizeBidi(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes text for a Markdown paragraph or table cell: markup characters, pipes and line breaks. */
export function escapeMarkdown(text: string): string {
  return (
    neutralizeBidi(text)
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/([*_`<>[\]#!~&])/g, '\\$1')
      .replace(/\r\n?|\n/g, ' ')
      // GitHub-flavoured Markdown turns bare URLs, www. names and e-mail addresses into links: a name is not one.
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
  );
}

/**
 * A Markdown code span that holds any text: the fence is one backtick longer than the longest run inside
 * (CommonMark), line breaks become spaces and pipes are escaped so a table cell stays one cell.
 */
export function markdownCode(text: string): string {
  // A table splits cells at a pipe after an even run of backslashes; code spans keep backslashes literally.
  const flat = neutralizeBidi(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/(\\*)\|/g, (_, run: string) => `${run}${run}\\|`);
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
