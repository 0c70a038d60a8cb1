import { Box, Stack, Typography } from '@mui/material';
import Decimal from 'decimal.js';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toNumber, useFormat } from '../common/format';
import type { Offer } from '../types';

const COLOURS = { payout: '#2e7d32', fee: '#1f5f8b', vatOnFee: '#9fc3dd' };
const PARTS = ['payout', 'fee', 'vatOnFee'] as const;

/** The invoice amount split into what the client gets, the fee and the VAT on the fee, as one bar. */
export const OfferChart = ({ offer }: { offer: Offer }) => {
  const translate = useTranslate();
  const format = useFormat();
  const labels: Record<string, string> = {
    payout: translate('console.invoices.payout'),
    fee: translate('console.invoices.fee'),
    vatOnFee: translate('console.invoices.vat_on_fee'),
  };
  // Numbers only for the bar's geometry; what people read (tooltip, shares) comes from the stored decimal strings.
  const row = { name: 'offer', payout: toNumber(offer.payout), fee: toNumber(offer.fee), vatOnFee: toNumber(offer.vatOnFee) };
  const amount = Math.max(toNumber(offer.amount), 1);
  const share = (part: (typeof PARTS)[number]) =>
    new Decimal(offer.amount).isZero() ? '0' : new Decimal(offer[part]).div(offer.amount).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
  return (
    <Box data-testid="offer-chart">
      <Box sx={{ height: 36, mx: -0.5 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[row]} layout="vertical" margin={{ top: 0, right: 4, bottom: 0, left: 4 }} barCategoryGap={0}>
            <XAxis type="number" domain={[0, amount]} hide />
            <YAxis type="category" dataKey="name" hide />
            <Tooltip
              cursor={false}
              formatter={(_value, name) => [format.amount(offer[String(name) as (typeof PARTS)[number]], offer.currency, { decimals: 2 }), labels[String(name)] ?? String(name)]}
              labelFormatter={() => ''}
            />
            {PARTS.map((part) => (
              <Bar key={part} dataKey={part} stackId="offer" fill={COLOURS[part]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
        {PARTS.map((part) => (
          <Stack key={part} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <Box component="span" sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: COLOURS[part] }} />
            <Typography variant="caption" color="text.secondary">
              {labels[part]} {format.percent(share(part))}
            </Typography>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
};
