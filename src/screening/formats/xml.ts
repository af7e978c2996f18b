import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bad, type Raw } from './common.js';

/**
 * Parses an XML list with fast-xml-parser after validating it, so a malformed file is reported with its line and
 * column. Namespaces are dropped (`<ns:x>` reads as `x`), attributes are plain keys beside child elements, values
 * stay text. Entity declarations (DOCTYPE) are refused: no list needs them, and they are how XML bombs work.
 */
export function parseXml(format: string, text: string, arrays: ReadonlySet<string>): Raw {
  if (/<!ENTITY/i.test(text)) bad(format, 'DOCTYPE', 'entity declarations are not accepted in a list');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const unclosed = /^Invalid '\[(.*)\]' found/s.exec(valid.err.msg);
    const message = unclosed
      ? `unclosed element(s): ${[...unclosed[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`).join(', ')} (file truncated?)`
      : valid.err.msg;
    bad(format, `line ${valid.err.line}, column ${valid.err.col}`, message);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => arrays.has(name),
  });
  return parser.parse(text) as Raw;
}
