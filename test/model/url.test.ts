import { crmUrl, mailtoUrl, safeWebUrl, telUrl } from '../../src/model/url';

describe('safeWebUrl', () => {
  it.each`
    description                                | raw                                       | href
    ${'an https address'}                      | ${'https://acme.example.com/about?x=1#a'} | ${'https://acme.example.com/about?x=1#a'}
    ${'a host name without a scheme'}          | ${'www.example.com'}                      | ${'https://www.example.com/'}
    ${'surrounding spaces, trimmed'}           | ${'  https://example.com/a  '}            | ${'https://example.com/a'}
    ${'a trailing line break, trimmed'}        | ${'https://example.com/a\n'}              | ${'https://example.com/a'}
    ${'an @ in the path, not the host'}        | ${'https://example.com/@team'}            | ${'https://example.com/@team'}
    ${'an @ in the query'}                     | ${'https://example.com/?to=a@b.example'}  | ${'https://example.com/?to=a@b.example'}
    ${'a backslash ends the host (not user@)'} | ${'https://example.com\\@evil.example'}   | ${'https://example.com/@evil.example'}
  `('$description becomes $href', ({ raw, href }) => {
    expect(safeWebUrl(raw)).toBe(href);
  });

  it.each`
    description                             | raw
    ${'user information before the host'}   | ${'https://bank.example.com@evil.example/login'}
    ${'user information, no scheme'}        | ${'bank.example.com@evil.example/login'}
    ${'a user and password'}                | ${'https://user:secret@example.com/'}
    ${'an empty user'}                      | ${'https://@evil.example/'}
    ${'an empty user and password'}         | ${'https://:@evil.example/'}
    ${'two @ signs'}                        | ${'http://a@b@evil.example/'}
    ${'user information after a backslash'} | ${'https:\\\\bank.example.com@evil.example'}
    ${'a space inside the host'}            | ${'https://exa mple.com/'}
    ${'a space inside the path'}            | ${'https://example.com/a b'}
    ${'a tab inside'}                       | ${'https://example.com/\tevil'}
    ${'a line break inside the host'}       | ${'https://bank.exa\nmple.com/'}
    ${'a no-break space inside'}            | ${'https://example.com/\u00a0x'}
    ${'a line separator inside'}            | ${'https://example.com/\u2028x'}
    ${'NUL at the start'}                   | ${'\u0000https://example.com/'}
    ${'NUL at the end'}                     | ${'https://example.com/\u0000'}
    ${'a bell inside the host'}             | ${'https://exa\u0007mple.com/'}
    ${'DEL'}                                | ${'https://example.com/\u007f'}
    ${'a C1 control'}                       | ${'https://example.com/\u0085'}
    ${'a zero-width space'}                 | ${'https://exa\u200bmple.com/'}
    ${'a right-to-left override'}           | ${'https://example.com/\u202egnp.exe'}
    ${'javascript:'}                        | ${'javascript:alert(1)'}
    ${'javascript: split by a tab'}         | ${'java\tscript:alert(1)'}
    ${'javascript: after a NUL'}            | ${'\u0000javascript:alert(1)'}
    ${'data:'}                              | ${'data:text/html,<script>alert(1)</script>'}
    ${'vbscript:'}                          | ${'vbscript:msgbox(1)'}
    ${'file:'}                              | ${'file:///etc/passwd'}
    ${'an ftp address'}                     | ${'ftp://example.com/'}
    ${'a host that is not a host name'}     | ${'https://&#106;avascript:alert(1)'}
    ${'only spaces'}                        | ${'   '}
  `('$description is refused', ({ raw }) => {
    expect(safeWebUrl(raw)).toBeUndefined();
  });

  it('nothing it accepts reads differently from where it goes: the host in the text is the host of the link', () => {
    ['https://bank.example.com/login', ' www.bank.example.com ', 'http://bank.example.com:8443/a?b#c'].forEach(raw => {
      const href = safeWebUrl(raw) as string;
      expect(raw).toContain(new URL(href).hostname);
    });
  });
});

describe('mailtoUrl and telUrl', () => {
  it('build links from plausible text only', () => {
    expect(mailtoUrl(' jane@example.com ')).toBe('mailto:jane@example.com');
    expect(telUrl('+1 (415) 555-0100')).toBe('tel:+14155550100');
  });

  it.each(['jane@exa\u0000mple.com', 'jane\u200b@example.com', 'jane@example.com\u202e', 'a b@example.com'])(
    'e-mail %j gives no link',
    email => expect(mailtoUrl(email)).toBeUndefined(),
  );

  it.each(['+1 415\t555 0100', '+1 415\n555 0100', '+1 415\u0000555 0100', '555\u200b0100'])(
    'phone %j gives no link',
    phone => expect(telUrl(phone)).toBeUndefined(),
  );
});

describe('crmUrl', () => {
  const ACCOUNTS = 'https://crm.example.com/accounts/{customer_id}/view';
  /** The path segment the id landed in: the third of /accounts/<id>/view. */
  const segment = (href: string | undefined) => href && new URL(href).pathname.split('/')[2];

  it('puts the URL-encoded id where the template says', () => {
    expect(crmUrl('https://crm.example.com/accounts/{customer_id}', 'ACME-001')).toBe(
      'https://crm.example.com/accounts/ACME-001',
    );
    expect(crmUrl(ACCOUNTS, 'a/b?c#d e')).toBe('https://crm.example.com/accounts/a%2Fb%3Fc%23d%20e/view');
  });

  it.each(['...', '.hidden', 'a.b', '..a', 'a..', '../x', './x', '..\\x', '%2E%2E', '%2e', '.%2E'])(
    'the id %j stays one path segment, itself',
    id => {
      const href = crmUrl(ACCOUNTS, id);
      expect(new URL(href as string).pathname).toBe(`/accounts/${encodeURIComponent(id)}/view`);
      expect(decodeURIComponent(segment(href) as string)).toBe(id);
    },
  );

  // The URL parser resolves "." and ".." whatever the encoding ("%2E", "%2E%2E" too), so no link is the only safe one.
  it('the URL parser resolves encoded dot segments too', () => {
    expect(new URL('https://crm.example.com/accounts/%2E%2E/view').pathname).toBe('/view');
    expect(new URL('https://crm.example.com/accounts/%2E/view').pathname).toBe('/accounts/view');
  });

  it.each`
    template                                             | id
    ${ACCOUNTS}                                          | ${'..'}
    ${ACCOUNTS}                                          | ${'.'}
    ${'https://crm.example.com/accounts/{customer_id}'}  | ${'..'}
    ${'https://crm.example.com/accounts/.{customer_id}'} | ${'.'}
    ${'https://crm.example.com/{customer_id}?tab=1'}     | ${'..'}
  `('the id $id as a whole path segment of $template gives no link, never one a level up', ({ template, id }) => {
    expect(crmUrl(template, id)).toBeUndefined();
  });

  it('in the query, dots are only text: the link is made', () => {
    expect(crmUrl('https://crm.example.com/accounts?id={customer_id}', '..')).toBe(
      'https://crm.example.com/accounts?id=..',
    );
  });

  it('the id cannot add user information or leave the template host', () => {
    expect(crmUrl('https://{customer_id}crm.example.com/', 'bank.example.com@')).toBeUndefined();
    expect(new URL(crmUrl(ACCOUNTS, '@evil.example') as string).hostname).toBe('crm.example.com');
    expect(new URL(crmUrl(ACCOUNTS, '//evil.example') as string).hostname).toBe('crm.example.com');
  });

  it('no template, no placeholder, an unsafe template or one with inner whitespace gives no link', () => {
    expect(crmUrl('', 'A')).toBeUndefined();
    expect(crmUrl('https://crm.example.com/', 'A')).toBeUndefined();
    expect(crmUrl('javascript:alert("{customer_id}")', 'A')).toBeUndefined();
    expect(crmUrl('https://crm.example.com/a b/{customer_id}', 'A')).toBeUndefined();
    expect(crmUrl('https://user@crm.example.com/{customer_id}', 'A')).toBeUndefined();
  });
});
