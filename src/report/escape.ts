/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes text for a Markdown paragraph or table cell: markup characters, pipes and line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/([*_`<>[\]#!~&])/g, '\\$1')
    .replace(/\r\n?|\n/g, ' ');
}

/**
 * A Markdown code span that holds any text: the fence is one backtick longer than the longest run inside
 * (CommonMark), line breaks become spaces and pipes are escaped so a table cell stays one cell.
 */
export function markdownCode(text: string): string {
  // A table splits cells at a pipe after an even run of backslashes; code spans keep backslashes literally.
  const flat = text.replace(/\r\n?|\n/g, ' ').replace(/(\\*)\|/g, (_, run: string) => `${run}${run}\\|`);
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
