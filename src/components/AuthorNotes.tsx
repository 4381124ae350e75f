/** For the chart author: values that could not be read, and sensitive columns the dataset exposes. Quiet, folded. */
import { styled } from '../theme';
import { withTokens } from '../theme/styles';
import { t } from '../i18n';
import type { ParseIssue } from '../model/types';
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
  exposedSensitiveColumns,
}: {
  issues: ParseIssue[];
  exposedSensitiveColumns: string[];
}) {
  if (!issues.length && !exposedSensitiveColumns.length) return null;
  const count = issues.length + (exposedSensitiveColumns.length ? 1 : 0);
  return (
    <Details>
      <summary>{t('Data notes for the chart author (%s)', count)}</summary>
      <ul>
        {exposedSensitiveColumns.length > 0 && (
          <li>
            {t(
              'The dataset has sensitive columns (%s). This chart hides them, but anyone who can explore the dataset, or drill to detail on a dashboard, can read them: remove them from the dataset if viewers must never see them.',
              exposedSensitiveColumns.join(', '),
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
