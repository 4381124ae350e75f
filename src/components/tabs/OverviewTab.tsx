/** Overview: KPI cards, company information, revenue summary, and (when allowed) local notes and edits. */
import { useState } from 'react';
import { Button, Input } from 'antd';
import { styled } from '../../theme';
import { withTokens } from '../../theme/styles';
import { t } from '../../i18n';
import { useProfile } from '../context';
import KpiCards from '../KpiCards';
import { Badge, PaymentHealthBadge, Columns, FieldItem, FieldList, Muted, Section, Stack, WebLink } from '../shared';

const Row = styled.div(
  withTokens(k => {
    return { display: 'flex', flexWrap: 'wrap', gap: k.space(2), alignItems: 'center', marginTop: k.space(2) };
  }),
);

const Label = styled.label(
  withTokens(k => {
    return { display: 'block', color: k.colorTextSecondary, margin: `${k.space(2)} 0 ${k.space(1)}` };
  }),
);

/** Fields a viewer may correct locally, and the notes. */
const EDITABLE = ['industry', 'region', 'city'] as const;
type EditableField = (typeof EDITABLE)[number];

function editableLabel(field: EditableField | 'notes' | 'next_steps'): string {
  switch (field) {
    case 'industry':
      return t('Industry');
    case 'region':
      return t('Region');
    case 'city':
      return t('City');
    case 'notes':
      return t('Notes');
    default:
      return t('Next steps');
  }
}

function LocalEditsSection() {
  const { profile, edits } = useProfile();
  const [draft, setDraft] = useState<Record<string, string> | undefined>();
  if (!edits) return null;
  const saved = edits.edits;
  const editing = draft !== undefined;
  const fields = [...EDITABLE, 'notes', 'next_steps'] as const;
  const hasEdits = Object.keys(saved).length > 0;
  return (
    <Section aria-label={t('Notes and local edits')}>
      <h3>{t('Notes & next steps')}</h3>
      <Muted>{t('Kept in this browser only, never written back to the data source.')}</Muted>
      {editing ? (
        <form
          onSubmit={event => {
            event.preventDefault();
            edits.setEdits(draft);
            setDraft(undefined);
          }}
        >
          {fields.map(field => {
            const id = `cp360-edit-${field}`;
            const multiline = field === 'notes' || field === 'next_steps';
            const placeholder = multiline ? '' : (profile[field] ?? '');
            const props = {
              id,
              value: draft[field] ?? '',
              placeholder,
              onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value }),
            };
            return (
              <div key={field}>
                <Label htmlFor={id}>{editableLabel(field)}</Label>
                {multiline ? <Input.TextArea rows={3} {...props} /> : <Input {...props} />}
              </div>
            );
          })}
          <Row>
            <Button type="primary" htmlType="submit">
              {t('Save locally')}
            </Button>
            <Button onClick={() => setDraft(undefined)}>{t('Cancel')}</Button>
          </Row>
        </form>
      ) : (
        <>
          {hasEdits && (
            <FieldList
              items={fields
                .filter(field => saved[field] !== undefined)
                .map(field => ({
                  label: editableLabel(field),
                  value: (
                    <>
                      {saved[field]} <Badge tone="info">{t('Local edit')}</Badge>
                    </>
                  ),
                }))}
            />
          )}
          <Row>
            <Button onClick={() => setDraft({ ...saved })}>{hasEdits ? t('Edit') : t('Add notes or edits')}</Button>
            {hasEdits && (
              <Button danger onClick={edits.discard}>
                {t('Discard local edits')}
              </Button>
            )}
          </Row>
        </>
      )}
      {edits.problem && <Muted role="status">{edits.problem}</Muted>}
    </Section>
  );
}

export default function OverviewTab() {
  const { profile, facts, format, display, edits } = useProfile();
  const local = display.allowEditing ? (edits?.edits ?? {}) : {};
  const withEdit = (field: EditableField) =>
    local[field] !== undefined ? (
      <>
        {local[field]} <Badge tone="info">{t('Local edit')}</Badge>
      </>
    ) : (
      profile[field]
    );
  const company: FieldItem[] = [
    { label: t('Industry'), value: withEdit('industry') },
    { label: t('Segment'), value: profile.segment },
    { label: t('Region'), value: withEdit('region') },
    { label: t('City'), value: withEdit('city') },
    { label: t('Employees'), value: format.integer(profile.employeeCount) },
    { label: t('Customer since'), value: format.date(profile.customerSince) },
    { label: t('Website'), value: profile.website && <WebLink url={profile.website} /> },
  ];
  // Present only when sensitive data is shown: the model has no such keys otherwise.
  if (profile.legalName !== undefined) company.push({ label: t('Legal name'), value: profile.legalName });
  if (profile.inn !== undefined) company.push({ label: t('INN'), value: profile.inn });
  if (profile.address !== undefined) company.push({ label: t('Address'), value: profile.address });
  if (profile.phone !== undefined) company.push({ label: t('Phone'), value: profile.phone });
  if (profile.email !== undefined) company.push({ label: t('Email'), value: profile.email });

  const revenue = profile.revenue;
  const payment = facts.payments?.health;
  return (
    <Stack>
      <KpiCards />
      <Columns>
        <Section aria-label={t('Company information')}>
          <h3>{t('Company information')}</h3>
          <FieldList items={company} />
        </Section>
        {revenue && (
          <Section aria-label={t('Revenue summary')}>
            <h3>{t('Revenue summary')}</h3>
            <FieldList
              items={[
                { label: t('Current ARR'), value: format.money(revenue.currentArr) },
                { label: t('LTV'), value: format.money(revenue.ltv) },
                {
                  label: t('Payment health'),
                  value: payment && <PaymentHealthBadge health={payment} />,
                },
                { label: t('Total invoices'), value: format.integer(revenue.totalInvoices) },
                { label: t('Total paid'), value: format.money(revenue.totalPaid) },
              ]}
            />
          </Section>
        )}
      </Columns>
      {display.allowEditing && <LocalEditsSection />}
    </Stack>
  );
}
