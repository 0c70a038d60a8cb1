import { Card, CardContent, Stack, Typography, type SxProps } from '@mui/material';
import { Fragment, type ReactNode } from 'react';
import { useTranslate, type RaRecord } from 'react-admin';

/**
 * A titled card on a show page; `action` sits at the right of the title (a button). `fill`
 * makes cards side by side in a grid row equally tall.
 */
export const Section = ({
  title,
  action,
  children,
  testId,
  fill = false,
  sx,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
  fill?: boolean;
  sx?: SxProps;
}) => {
  const translate = useTranslate();
  return (
    <Card data-testid={testId} sx={{ ...(fill ? { height: '100%' } : {}), ...sx }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5, minHeight: 32 }}>
          <Typography variant="overline" component="h2" color="text.secondary" sx={{ fontWeight: 600, lineHeight: 1.4 }}>
            {translate(title)}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

/** Label-value rows in a compact grid. */
export const Facts = ({ rows }: { rows: Array<[label: string, value: ReactNode, testId?: string]> }) => {
  const translate = useTranslate();
  return (
    <Stack
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(120px, max-content) 1fr',
        columnGap: 2,
        rowGap: 0.75,
        m: 0,
        '& dt': { color: 'text.secondary', fontSize: '0.875rem' },
        '& dd': { m: 0, fontSize: '0.875rem', minWidth: 0, overflowWrap: 'anywhere' },
      }}
    >
      {rows.map(([label, value, testId]) => (
        <Fragment key={label}>
          <dt>{translate(label)}</dt>
          <dd data-testid={testId}>{value ?? '—'}</dd>
        </Fragment>
      ))}
    </Stack>
  );
};

/** A reason from the rules in the chosen language. */
export const reasonText = (reason: { en: string; sv: string; nb: string }, locale: string): string =>
  (reason as Record<string, string>)[locale] ?? reason.en;

/**
 * For a dialog whose content is a react-admin Form: the form sits between the dialog's paper
 * and its title, content and actions, so it must pass the paper's column layout on for the
 * content to scroll under a fixed title and buttons.
 */
export const formDialogSx = { '& form': { display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' } } as const;

/**
 * The record a dialog's Form starts from: none. A react-admin Form otherwise takes the page's
 * record as its values (a debtor's limit would fill a new pair's limit), over `defaultValues`.
 */
export const NO_RECORD = {} as RaRecord;
