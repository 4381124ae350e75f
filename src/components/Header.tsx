/** Customer name, segment • industry • place, CSM, and the actions: watchlist, export, quick actions. */
import { memo, useState } from 'react';
import { Button, Dropdown } from 'antd';
import { styled } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import { crmUrl, mailtoUrl, safeWebUrl } from '../model/url';
import { useProfile } from './context';
import { useWatchlist } from './useBrowserState';
import { Muted } from './shared';

const Bar = styled.header<{ compact: boolean }>(
  withTokens<{ compact: boolean }>((k, { compact }) => ({
    display: 'flex',
    flexWrap: compact ? 'nowrap' : 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: k.space(2),
    padding: compact ? `${k.space(2)} ${k.space(2)} 0` : `${k.space(3)} ${k.space(3)} 0`,
    h2: {
      margin: 0,
      fontSize: compact ? k.fontSizeXl : k.fontSizeXxl,
      fontWeight: k.fontWeightStrong,
      color: k.colorText,
      overflowWrap: 'anywhere',
    },
  })),
);

/** The name as a toggle (several customers, cross-filtering on): text until hovered, pressed while it filters. */
const NameToggle = styled.button(
  withTokens(k => ({
    font: 'inherit',
    color: 'inherit',
    background: 'none',
    border: 0,
    padding: 0,
    margin: 0,
    textAlign: 'inherit',
    cursor: 'pointer',
    textDecoration: 'underline dotted',
    textUnderlineOffset: k.space(1),
    '&[aria-pressed="true"]': { color: k.colorPrimary, textDecoration: 'underline' },
    '&:hover': { color: k.colorPrimary },
    '&:focus-visible': { outline: `${k.focusWidth} solid ${k.colorPrimary}`, outlineOffset: k.px(1) },
  })),
);

const Subline = styled.div(
  withTokens(k => {
    return { color: k.colorTextSecondary, marginTop: k.space(1), overflowWrap: 'anywhere' };
  }),
);

const Actions = styled.div(
  withTokens(k => {
    return {
      display: 'flex',
      flexWrap: 'wrap',
      gap: k.space(2),
      alignItems: 'center',
      '@media print': { display: 'none' },
    };
  }),
);

const Note = styled.div(withTokens(k => ({ color: k.colorWarning, width: '100%' })));

interface Action {
  key: string;
  label: string;
  href: string;
  external: boolean;
}

const linkTarget = (external: boolean) => (external ? { target: '_blank', rel: 'noopener noreferrer' } : {});

/** The customer's name, segment • industry • place, and the CSM. */
function Identity() {
  const { profile, compact, nameFilter } = useProfile();
  const place = [profile.city, profile.region].filter(Boolean).join(', ');
  const subline = [profile.segment, profile.industry, place].filter(Boolean).join(' • ');
  const csmEmail = mailtoUrl(profile.csm.email);
  return (
    <div>
      <h2>
        {nameFilter ? (
          <NameToggle
            type="button"
            aria-pressed={nameFilter.active}
            title={
              nameFilter.active ? t('Clear the filter by this customer') : t('Filter the dashboard by this customer')
            }
            onClick={nameFilter.toggle}
          >
            {profile.name}
          </NameToggle>
        ) : (
          profile.name
        )}
      </h2>
      {subline && <Subline>{subline}</Subline>}
      {profile.csm.name && !compact && (
        <Subline>
          {t('CSM:')} {profile.csm.name}
          {profile.csm.email && (
            <>
              {' '}
              <Muted>({csmEmail ? <a href={csmEmail}>{profile.csm.email}</a> : profile.csm.email})</Muted>
            </>
          )}
        </Subline>
      )}
    </div>
  );
}

/** The links the options allow and the data makes safe: e-mail the CSM, the website, the CRM. */
function useQuickActions(): Action[] {
  const { profile, display } = useProfile();
  if (!display.showQuickActions) return [];
  const csmEmail = mailtoUrl(profile.csm.email);
  const website = safeWebUrl(profile.website);
  const crm = crmUrl(display.crmUrlTemplate, profile.id);
  return [
    csmEmail && { key: 'email', label: t('Email CSM'), href: csmEmail, external: false },
    website && { key: 'website', label: t('Website'), href: website, external: true },
    crm && { key: 'crm', label: t('Open in CRM'), href: crm, external: true },
  ].filter((a): a is Action => !!a);
}

/** The export menu's items and what choosing one does; a browser that cannot save files is said, not thrown. */
function useExport(onPrint: () => void) {
  const { profile, display, alerts, edits } = useProfile();
  const [problem, setProblem] = useState<string>();
  const items = display.showExport
    ? [
        { key: 'csv', label: t('Export CSV') },
        { key: 'json', label: t('Export JSON') },
        { key: 'print', label: t('Print view') },
      ]
    : [];
  const cannotSave = () => setProblem(t('This browser cannot save files from here.'));
  const choose = (key: string) => {
    if (key === 'print') return onPrint();
    const input = { profile, alerts, localEdits: edits?.edits, exportedAt: new Date() };
    // The writers load when a file is asked for: nobody needs them to see the profile.
    return Promise.all([import('../model/export'), import('./download')]).then(([writers, { downloadText }]) => {
      const { exportFileName, toCsv, toJson } = writers;
      const ok =
        key === 'csv'
          ? downloadText(exportFileName(profile, 'csv'), 'text/csv;charset=utf-8', toCsv(input))
          : downloadText(exportFileName(profile, 'json'), 'application/json', toJson(input));
      if (ok) setProblem(undefined);
      else cannotSave();
    }, cannotSave);
  };
  return { items, choose, problem };
}

/** Memoised: a tab switch re-renders the view, not the header (the context it reads is unchanged). */
export default memo(function Header({ onPrint }: { onPrint: () => void }) {
  const { profile, display, compact, dataset } = useProfile();
  const watchlist = useWatchlist(dataset, profile.id);
  const quickActions = useQuickActions();
  const exporting = useExport(onPrint);
  const watchLabel = watchlist.watched ? `★ ${t('On watchlist')}` : `☆ ${t('Add to watchlist')}`;

  // A small tile keeps one line of header: every action in one menu.
  const compactActions = [
    ...(display.showWatchlist ? [{ key: 'watchlist', label: watchLabel }] : []),
    ...exporting.items,
    ...quickActions.map(a => ({
      key: a.key,
      label: (
        <a href={a.href} {...linkTarget(a.external)}>
          {a.label}
        </a>
      ),
    })),
  ];

  return (
    <Bar compact={compact}>
      <Identity />
      <Actions>
        {compact ? (
          compactActions.length > 0 && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: compactActions,
                onClick: ({ key }) => (key === 'watchlist' ? watchlist.toggle() : exporting.choose(key)),
              }}
            >
              <Button size="small" aria-haspopup="menu">
                {t('Actions')}
              </Button>
            </Dropdown>
          )
        ) : (
          <>
            {display.showWatchlist && (
              <Button aria-pressed={watchlist.watched} onClick={watchlist.toggle}>
                {watchLabel}
              </Button>
            )}
            {exporting.items.length > 0 && (
              <Dropdown
                trigger={['click']}
                menu={{ items: exporting.items, onClick: ({ key }) => exporting.choose(key) }}
              >
                <Button aria-haspopup="menu">{t('Export')}</Button>
              </Dropdown>
            )}
            {quickActions.map(a => (
              <Button key={a.key} href={a.href} {...linkTarget(a.external)}>
                {a.label}
              </Button>
            ))}
          </>
        )}
        {watchlist.problem && <Note role="status">{watchlist.problem}</Note>}
        {exporting.problem && <Note role="status">{exporting.problem}</Note>}
      </Actions>
    </Bar>
  );
});
