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
  if (valid !== true) bad(format, `line ${valid.err.line}, column ${valid.err.col}`, valid.err.msg);
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
