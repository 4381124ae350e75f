/** URL safety: only http(s) (and mailto/tel where a link is built for them) ever become an href. */

const SAFE_WEB = new Set(['http:', 'https:']);
const VALID_HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/**
 * Control characters (C0, DEL, C1) and invisible format characters (zero-width, bidirectional overrides): the URL
 * parser strips or encodes them, or they reorder what is read, so a link holding one would not go where it reads.
 */
const CONTROL = /[\p{Cc}\p{Cf}]/u;
/** Any whitespace, ASCII or Unicode (no-break, line and paragraph separators). */
const SPACE = /[\s\p{Z}]/u;

/** The text between `scheme://` and the path: "user:pass@host:port" (the parser reads `\` as `/` in http URLs). */
const authorityOf = (url: string) =>
  url
    .replace(HAS_SCHEME, '')
    .replace(/^[/\\]*/, '')
    .split(/[/\\?#]/)[0];

/**
 * The URL, normalised, when it is an absolute http or https URL that goes where its text reads; undefined otherwise.
 * - The scheme is read by the URL parser, not by a pattern, so entity-encoded, mixed-case and padded "javascript:",
 *   "data:" and "vbscript:" are all refused.
 * - Surrounding whitespace is trimmed (people paste with spaces); whitespace inside, or a control or invisible format
 *   character anywhere, refuses the link: the parser would strip it, and the target would differ from the text.
 * - User information ("https://bank.example.com@evil.example/") refuses the link: what reads as the host is a name.
 */
export function safeWebUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  if (!text || CONTROL.test(text) || SPACE.test(text)) return undefined;
  // "www.example.com" is what people type into a website column.
  const candidate = HAS_SCHEME.test(text) ? text : `https://${text}`;
  if (authorityOf(candidate).includes('@')) return undefined;
  try {
    const url = new URL(candidate);
    if (url.username || url.password) return undefined;
    // A host is letters, digits, dots and hyphens (IDNs arrive punycoded): "https://&/#106;..." is junk, not a link.
    return SAFE_WEB.has(url.protocol) && VALID_HOST.test(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A plausible single e-mail address (no spaces, no header injection, no control character), for a mailto: link. */
export function mailtoUrl(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const address = email.trim();
  if (CONTROL.test(address)) return undefined;
  return /^[^\s@<>"'(),;:\\[\]]+@[^\s@<>"'(),;:\\[\]]+\.[^\s@<>"'(),;:\\[\]]+$/.test(address)
    ? `mailto:${encodeURIComponent(address).replace('%40', '@')}`
    : undefined;
}

/** A tel: link when the text is a phone number: digits with the usual separators (spaces, not tabs or breaks). */
export function telUrl(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const text = phone.trim();
  if (!/^\+?[\d \u00a0\u202f().-]{5,32}$/.test(text)) return undefined;
  return `tel:${text.replace(/[^\d+]/g, '')}`;
}

const PLACEHOLDER = '{customer_id}';
/** Stands for the id while the template alone is parsed: letters only, so never a dot segment. */
const MARKER = 'cpthreesixtycustomeridmarker';

/**
 * The CRM link: the template with {customer_id} URL-encoded, and only when the result is http(s) and the id stays
 * where the template puts it. An id that is a whole path segment of "." or ".." would move the link up a level, and
 * no encoding keeps it: the URL parser resolves "%2E" and "%2E%2E" as dot segments too (WHATWG URL, "single-dot" and
 * "double-dot" segments), and a doubly encoded "%252E%252E" names another id. Such an id gives no CRM link.
 */
export function crmUrl(template: string, customerId: string): string | undefined {
  if (!template || !template.includes(PLACEHOLDER)) return undefined;
  const id = encodeURIComponent(customerId);
  const href = safeWebUrl(template.split(PLACEHOLDER).join(id));
  const shape = safeWebUrl(template.split(PLACEHOLDER).join(MARKER));
  if (!href || !shape) return undefined;
  // encodeURIComponent leaves nothing the parser re-encodes in a path: the path differs only if a segment resolved.
  return new URL(href).pathname === new URL(shape).pathname.split(MARKER).join(id) ? href : undefined;
}
