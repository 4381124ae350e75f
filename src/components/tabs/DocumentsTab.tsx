/**
 * Documents grouped by type. A title links out only when its URL is http(s): a "javascript:", "data:" or
 * "vbscript:" address, however it is spelled, is shown as text with a quiet note, never as an href.
 */
import { useMemo } from 'react';
import { styled } from '../../theme';
import { withTokens } from '../../theme/styles';
import { t } from '../../i18n';
import { DOCUMENT_TYPES, DocumentType } from '../../model/constants';
import type { CustomerDocument } from '../../model/types';
import { safeWebUrl } from '../../model/url';
import { documentTypeLabel } from '../../i18n/labels';
import { useProfile } from '../context';
import { Badge, EmptyState, Missing, Section, Tone, useFirstRows, VisuallyHidden } from '../shared';

const Groups = styled.div(
  withTokens(k => ({
    display: 'grid',
    gap: k.space(3),
    gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${k.px(k.breakpoints.narrow / 2)}), 1fr))`,
  })),
);

const List = styled.ul({ margin: 0, padding: 0, listStyle: 'none' });

const Item = styled.li(
  withTokens(k => ({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: k.space(2),
    rowGap: k.space(1),
    padding: `${k.space(2)} 0`,
    borderBottom: `${k.px(1)} solid ${k.colorBorder}`,
    fontSize: k.fontSize,
    '&:last-of-type': { borderBottom: 'none' },
  })),
);

const Title = styled.div(
  withTokens(k => ({
    flex: '1 1 60%',
    minWidth: 0,
    color: k.colorText,
    overflowWrap: 'anywhere',
    a: { color: k.colorPrimary },
  })),
);

const Note = styled.div(
  withTokens(k => {
    return { color: k.colorTextSecondary, fontSize: k.fontSizeSm };
  }),
);

const Meta = styled.div(
  withTokens(k => ({
    display: 'flex',
    alignItems: 'center',
    gap: k.space(2),
    color: k.colorTextSecondary,
    fontSize: k.fontSizeSm,
    whiteSpace: 'nowrap',
  })),
);

/** Common statuses get a colour; any other status is shown as written, in the neutral tone. */
const STATUS_TONE: Record<string, Tone> = {
  signed: 'success',
  active: 'success',
  approved: 'success',
  accepted: 'success',
  paid: 'success',
  sent: 'info',
  pending: 'info',
  open: 'info',
  review: 'info',
  expired: 'warning',
  overdue: 'warning',
  rejected: 'error',
  declined: 'error',
  cancelled: 'error',
  void: 'neutral',
};
const statusTone = (status: string): Tone => STATUS_TONE[status.toLowerCase()] ?? 'neutral';

function DocumentItem({ document }: { document: CustomerDocument }) {
  const { format } = useProfile();
  const href = safeWebUrl(document.url);
  const created = format.date(document.createdDate);
  return (
    <Item>
      <Title>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {document.title ?? t('Untitled document')}
            <VisuallyHidden>{t('(opens in a new tab)')}</VisuallyHidden>
          </a>
        ) : (
          <span>{document.title ?? <Missing />}</span>
        )}
        {/* Only when there was an address that is refused; no address at all needs no note. */}
        {!href && document.url !== undefined && (
          <Note>
            {t('Link not shown: only http and https addresses open, without a user name, spaces or control characters')}
          </Note>
        )}
      </Title>
      <Meta>
        {created ? (
          <time dateTime={document.createdDate} title={t('Created')}>
            {created}
          </time>
        ) : (
          <Missing />
        )}
        {document.status ? <Badge tone={statusTone(document.status)}>{document.status}</Badge> : <Missing />}
      </Meta>
    </Item>
  );
}

/** Documents of one type shown before 'Show all'. */
const FIRST_DOCUMENTS = 25;

function DocumentGroup({ type, documents }: { type: DocumentType; documents: CustomerDocument[] }) {
  const { format } = useProfile();
  const { shown, more } = useFirstRows(documents, FIRST_DOCUMENTS);
  return (
    <Section>
      <h3>{t('%s (%s)', documentTypeLabel(type), format.integer(documents.length))}</h3>
      <List>
        {shown.map((doc, index) => (
          <DocumentItem key={`${index}:${doc.title ?? ''}`} document={doc} />
        ))}
      </List>
      {more}
    </Section>
  );
}

export default function DocumentsTab() {
  const { profile } = useProfile();
  const groups = useMemo(() => {
    const byType = new Map<DocumentType, CustomerDocument[]>();
    profile.documents.forEach(doc => {
      const list = byType.get(doc.type);
      if (list) list.push(doc);
      else byType.set(doc.type, [doc]);
    });
    // Newest first within a type; undated documents last.
    return DOCUMENT_TYPES.filter(type => byType.has(type)).map(type => ({
      type,
      documents: (byType.get(type) ?? []).sort((a, b) =>
        (b.createdDate ?? '') < (a.createdDate ?? '') ? -1 : (b.createdDate ?? '') > (a.createdDate ?? '') ? 1 : 0,
      ),
    }));
  }, [profile.documents]);

  if (!groups.length) return <EmptyState title={t('No documents')} columns={['documents']} />;

  return (
    <Groups>
      {groups.map(({ type, documents }) => (
        <DocumentGroup key={type} type={type} documents={documents} />
      ))}
    </Groups>
  );
}
