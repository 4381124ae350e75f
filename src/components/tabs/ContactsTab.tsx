/**
 * Key contacts as cards, the primary contact first. E-mail and phone appear only when the model carries them: with
 * sensitive data off they were deleted before rendering, and nothing here hints that they exist.
 */
import { useMemo } from 'react';
import { styled } from '../../theme';
import { withTokens } from '../../theme/styles';
import { t } from '../../i18n';
import type { Contact } from '../../model/types';
import { mailtoUrl, telUrl } from '../../model/url';
import { useProfile } from '../context';
import { Badge, EmptyState, FieldItem, FieldList, Missing, Section, useFirstRows } from '../shared';

const Grid = styled.ul(
  withTokens(k => ({
    display: 'grid',
    // One column on a small tile, as many as fit on a wide one.
    gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${k.space(64)}), 1fr))`,
    gap: k.space(3),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  })),
);

const Card = styled.li(
  withTokens(k => ({
    display: 'flex',
    flexDirection: 'column',
    gap: k.space(2),
    minWidth: 0,
    padding: k.space(3),
    border: `${k.px(1)} solid ${k.colorBorder}`,
    borderRadius: k.radius,
    background: k.colorBg,
  })),
);

const CardHead = styled.div(
  withTokens(k => ({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: k.space(2),
    h4: {
      margin: 0,
      minWidth: 0,
      fontSize: k.fontSizeLg,
      fontWeight: k.fontWeightStrong,
      color: k.colorText,
      overflowWrap: 'anywhere',
    },
  })),
);

/** A mailto:/tel: link when the helper accepts the text; the text alone otherwise. */
function ContactLink({ href, text, label }: { href: string | undefined; text: string; label: string }) {
  if (!href) return <span>{text}</span>;
  return (
    <a href={href} aria-label={label}>
      {text}
    </a>
  );
}

function ContactCard({ contact }: { contact: Contact }) {
  const { format } = useProfile();
  const name = contact.name;
  const items: FieldItem[] = [
    { label: t('Title'), value: contact.title },
    { label: t('Role'), value: contact.role },
    { label: t('Last contacted'), value: format.date(contact.lastContacted) },
  ];
  // Only what the model holds: a redacted field is absent, not "hidden".
  if (contact.email !== undefined)
    items.push({
      label: t('Email'),
      value: (
        <ContactLink
          href={mailtoUrl(contact.email)}
          text={contact.email}
          label={name ? t('Email %s at %s', name, contact.email) : t('Email %s', contact.email)}
        />
      ),
    });
  if (contact.phone !== undefined)
    items.push({
      label: t('Phone'),
      value: (
        <ContactLink
          href={telUrl(contact.phone)}
          text={contact.phone}
          label={name ? t('Call %s at %s', name, contact.phone) : t('Call %s', contact.phone)}
        />
      ),
    });
  return (
    <Card>
      <CardHead>
        <h4>{name ?? <Missing />}</h4>
        {contact.isPrimary && <Badge tone="info">{t('Primary')}</Badge>}
      </CardHead>
      <FieldList items={items} />
    </Card>
  );
}

/** Contacts shown before 'Show all': the key people come first (primary first). */
const FIRST_CONTACTS = 24;

export default function ContactsTab() {
  const { profile } = useProfile();
  const contacts = useMemo(
    // Primary first; otherwise the data's order (Array.prototype.sort is stable).
    () => [...profile.contacts].sort((a, b) => Number(!!b.isPrimary) - Number(!!a.isPrimary)),
    [profile.contacts],
  );

  const { shown, more } = useFirstRows(contacts, FIRST_CONTACTS);
  if (!contacts.length) return <EmptyState title={t('No contacts')} columns={['contacts']} />;

  return (
    <Section>
      <h3>{t('Key contacts')}</h3>
      <Grid>
        {shown.map((contact, index) => (
          <ContactCard key={`${index}:${contact.name ?? ''}`} contact={contact} />
        ))}
      </Grid>
      {more}
    </Section>
  );
}
