/**
 * For the chart author: values that could not be read, and the columns the dataset exposes that the permission
 * controls hide from the chart. Quiet, folded.
 */
import { styled } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import type { ParseIssue } from '../model/types';
import type { CustomerProfileProps } from '../plugin/transformProps';
import { formatProblem } from '../model/coerce';

const Details = styled.details(
  withTokens(k => ({
    color: k.colorTextSecondary,
    fontSize: k.fontSizeSm,
    summary: { cursor: 'pointer' },
    ul: { margin: `${k.space(1)} 0 0`, paddingLeft: k.space(5) },
    code: { color: k.colorText },
    '@media print': { display: 'none' },
  })),
);

const MAX_LISTED = 50;

export default function AuthorNotes({
  issues,
  exposure,
}: {
  issues: ParseIssue[];
  exposure: CustomerProfileProps['exposure'];
}) {
  const exposed = exposure.hiddenColumns;
  if (!issues.length && !exposed.length) return null;
  const count = issues.length + (exposed.length ? 1 : 0);
  return (
    <Details>
      <summary>{t('Data notes for the chart author (%s)', count)}</summary>
      <ul>
        {exposed.length > 0 && (
          <li>
            {exposure.drillToDetail
              ? t(
                  "The dataset has columns this chart hides (%s), and this chart's drill to detail is on: every viewer who may drill reads them, as does anyone who can explore the dataset. Turn drill to detail off, or remove them from the dataset if viewers must never see them.",
                  exposed.join(', '),
                )
              : t(
                  'The dataset has columns this chart hides (%s): anyone who can explore the dataset can read them. Remove them from the dataset if viewers must never see them.',
                  exposed.join(', '),
                )}
          </li>
        )}
        {issues.slice(0, MAX_LISTED).map((issue, i) => (
          <li key={`${issue.column}-${i}`}>
            <code>{issue.column}</code>: {formatProblem(issue, t)}
          </li>
        ))}
        {issues.length > MAX_LISTED && <li>{t('… and %s more', issues.length - MAX_LISTED)}</li>}
      </ul>
    </Details>
  );
}
