const TEXT_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function checkString(s) {
  if (typeof s !== 'string') {
    throw new TypeError('expected a string');
  }
}

/**
 * Escapes the five HTML-significant characters so text can be placed in element content.
 * @param {string} text the raw text
 * @returns {string} the escaped text
 * @example escapeHtml('<a href="x">Tom & Jerry</a>') // => '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt;'
 */
export function escapeHtml(text) {
  checkString(text);
  return text.replace(/[&<>"']/g, (ch) => TEXT_ENTITIES[ch]);
}

/**
 * Escapes a value for a quoted attribute; also escapes backtick and '=' for old parsers.
 * @param {string} value the raw attribute value
 * @returns {string} the escaped value
 * @example escapeAttribute('a=`b`') // => 'a&#61;&#96;b&#96;'
 */
export function escapeAttribute(value) {
  return escapeHtml(value).replace(/`/g, '&#96;').replace(/=/g, '&#61;');
}

/**
 * Decodes the named entities amp, lt, gt, quot, apos and decimal or hex numeric entities,
 * in one pass so '&amp;lt;' becomes '&lt;' and not '<'.
 * @param {string} html the escaped text
 * @returns {string} the decoded text
 * @example unescapeHtml('&lt;b&gt; &amp;lt; &#65;') // => '<b> &lt; A'
 */
export function unescapeHtml(html) {
  checkString(html);
  return html.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (match, body) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return Object.prototype.hasOwnProperty.call(NAMED, body) ? NAMED[body] : match;
  });
}

/**
 * Removes tags, dropping script and style elements with their content, until nothing changes;
 * stray angle brackets are removed too. The result is plain text and still needs escaping.
 * @param {string} html the markup
 * @returns {string} the text content
 * @example stripTags('<p>Hi <b>there</b></p>') // => 'Hi there'
 */
export function stripTags(html) {
  checkString(html);
  let current = html;
  for (;;) {
    const next = current
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<\/?[a-zA-Z!][^<>]*>/g, '');
    if (next === current) break;
    current = next;
  }
  return current.replace(/[<>]/g, '');
}
