/** URL safety: only http(s) (and mailto/tel where a link is built for them) ever become an href. */

const SAFE_WEB = new Set(['http:', 'https:']);
const VALID_HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/i;

/**
 * The URL, normalised, when it is an absolute http or https URL; undefined otherwise. Entity-encoded, mixed-case,
 * whitespace- or control-character-padded "javascript:", "data:" and "vbscript:" are all rejected because the scheme
 * is read by the URL parser, not by a pattern.
 */
export function safeWebUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\u0000-\u001f\u007f\s]+/g, '');
  if (!text) return undefined;
  // "www.example.com" is what people type into a website column.
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    // A host is letters, digits, dots and hyphens (IDNs arrive punycoded): "https://&/#106;..." is junk, not a link.
    return SAFE_WEB.has(url.protocol) && VALID_HOST.test(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A plausible single e-mail address (no spaces, no header injection), for a mailto: link. */
export function mailtoUrl(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const address = email.trim();
  return /^[^\s@<>"'(),;:\\[\]]+@[^\s@<>"'(),;:\\[\]]+\.[^\s@<>"'(),;:\\[\]]+$/.test(address)
    ? `mailto:${encodeURIComponent(address).replace('%40', '@')}`
    : undefined;
}

/** A tel: link when the text is a phone number: digits with the usual separators. */
export function telUrl(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const text = phone.trim();
  if (!/^\+?[\d\s().-]{5,32}$/.test(text)) return undefined;
  return `tel:${text.replace(/[^\d+]/g, '')}`;
}

/** The CRM link: the template with {customer_id} URL-encoded, and only when the result is http(s). */
export function crmUrl(template: string, customerId: string): string | undefined {
  if (!template || !template.includes('{customer_id}')) return undefined;
  return safeWebUrl(template.split('{customer_id}').join(encodeURIComponent(customerId)));
}
