import { Box, Chip, Divider, Stack, Typography, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { reasonText, Section } from '../common/Section';
import { OtherFigures } from '../credit-reviews/DecisionFigures';
import { ExposureChart, limitLevels } from '../credit-reviews/ExposureChart';
import type { CreditDecisionRecord, Invoice } from '../types';

const outcomeColour: Record<string, ChipProps['color']> = {
  APPROVE: 'success',
  DENY: 'error',
  MANUAL_ASSESSMENT: 'warning',
  SPOT_CHECK: 'warning',
};

const Decision = ({ decision, currency }: { decision: CreditDecisionRecord; currency: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const [locale] = useLocaleState();
  const figures = decision.figures && Object.keys(decision.figures).length ? decision.figures : null;
  return (
    <Box data-testid="credit-decision" data-kind={decision.kind} data-outcome={decision.outcome}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          color={outcomeColour[decision.outcome] ?? 'default'}
          label={translate(`console.decisions.outcomes.${decision.outcome}`, { _: decision.outcome })}
          data-testid="credit-decision-outcome"
        />
        <Typography variant="subtitle2">{translate(`console.decisions.kinds.${decision.kind}`, { _: decision.kind })}</Typography>
        <Typography variant="body2" color="text.secondary" data-testid="credit-decision-by">
          {decision.decidedBy
            ? translate('console.decisions.by_when', { who: decision.decidedBy.name, when: format.dateTime(decision.decidedAt) })
            : format.dateTime(decision.decidedAt)}
        </Typography>
        {decision.rulesVersion ? (
          <Chip
            size="small"
            variant="outlined"
            label={translate('console.decisions.rules_version', { version: format.date(decision.rulesVersion) })}
            data-testid="credit-decision-rules-version"
          />
        ) : null}
      </Stack>
      {decision.note ? (
        <Typography variant="body2" sx={{ mt: 0.75, fontStyle: 'italic' }} data-testid="credit-decision-note" data-typed="true">
          “{decision.note}”
        </Typography>
      ) : null}
      {decision.reasons.length ? (
        <Stack component="ul" spacing={0.5} sx={{ mt: 1, mb: 0, pl: 2.5 }}>
          {decision.reasons.map((reason) => (
            <Typography component="li" variant="body2" key={reason.code} data-testid="credit-decision-reason" data-code={reason.code}>
              {reasonText(reason, locale)}
            </Typography>
          ))}
        </Stack>
      ) : null}
      {figures && limitLevels(figures).length ? (
        <Box sx={{ mt: 1.5 }}>
          <ExposureChart figures={figures} currency={figures.currency ?? currency} testId="decision-exposure" />
        </Box>
      ) : null}
      {figures ? <OtherFigures figures={figures} currency={figures.currency ?? currency} /> : null}
    </Box>
  );
};

/**
 * Why the invoice was bought, refused or sent to a person: every credit decision, oldest first,
 * with the reasons in the chosen language and the figures the rules used, so anyone can follow it.
 */
/** Why there is no decision depends on where the invoice stands: not yet, or never. */
function noDecisionText(status: Invoice['status']): string {
  if (status === 'REFUSED') return 'console.decisions.none_refused';
  if (status === 'DECLINED' || status === 'EXPIRED' || status === 'WITHDRAWN') return 'console.decisions.none_not_accepted';
  return 'console.decisions.none';
}

export const CreditDecisions = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  if (!record) return null;
  const decisions = record.creditDecisions ?? [];
  return (
    <Section title="console.decisions.title" testId="invoice-credit-decisions">
      {decisions.length ? (
        <Stack spacing={2} divider={<Divider flexItem />}>
          {decisions.map((decision, index) => (
            <Decision key={`${decision.decidedAt}-${index}`} decision={decision} currency={record.currency} />
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate(noDecisionText(record.status))}
        </Typography>
      )}
    </Section>
  );
};
