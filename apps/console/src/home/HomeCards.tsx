import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import PaymentsIcon from '@mui/icons-material/Payments';
import BalanceIcon from '@mui/icons-material/Balance';
import { Box, Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import type { SvgIconComponent } from '@mui/icons-material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { navigation } from '../navigation';
import type { HomeExposureCheck, HomePayoutsDue, HomeQueue, HomeQueueKey } from './queries';

const kebab = (key: string) => key.toLowerCase().replace(/_/g, '-');
const num = { fontVariantNumeric: 'tabular-nums' } as const;

const batchesIn = (state: string) => `/payout-batches?filter=${encodeURIComponent(JSON.stringify({ state }))}`;

/** Where each counted queue is worked, and the menu item whose icon it shares. */
export const QUEUE_LINKS: Record<HomeQueueKey, { path: string; menuKey: string }> = {
  CLIENT_APPLICATIONS: { path: '/client-applications', menuKey: 'client_applications' },
  MANUAL_ASSESSMENT: { path: '/manual-assessment', menuKey: 'manual_assessment' },
  SPOT_CHECKS: { path: '/spot-checks', menuKey: 'spot_checks' },
  PAYOUT_BATCHES_TO_APPROVE: { path: batchesIn('PREPARED'), menuKey: 'payout_batches' },
  PAYOUT_BATCHES_TO_SEND: { path: batchesIn('APPROVED'), menuKey: 'payout_batches' },
  DISPUTES: { path: '/disputes', menuKey: 'disputes' },
  OVERDUE_INVOICES: { path: '/overdue-invoices', menuKey: 'overdue_invoices' },
  RECOURSE_INVOICES: { path: '/recourse-invoices', menuKey: 'recourse_invoices' },
  UNMATCHED_PAYMENTS: { path: '/unmatched-payments', menuKey: 'unmatched_payments' },
  COLLECTION_CASES: { path: '/collection-cases', menuKey: 'collection_handoff' },
  WRITE_OFFS_TO_APPROVE: { path: `/collection-cases?filter=${encodeURIComponent(JSON.stringify({ state: 'WRITE_OFF_PROPOSED' }))}`, menuKey: 'collection_handoff' },
  // Refunds go out in the payout batches like any payout.
  REFUNDS_DUE: { path: '/payout-batches', menuKey: 'payout_batches' },
  FAILED_DELIVERIES: { path: '/failed-deliveries', menuKey: 'failed_deliveries' },
  PRINT_BATCH: { path: '/print-batch', menuKey: 'print_batch' },
};

const iconOf = (menuKey: string): SvgIconComponent =>
  navigation.flatMap((section) => section.items).find((item) => item.key === menuKey)?.icon ?? HourglassEmptyIcon;

/** "under an hour", "5 hours", "3 days": how long the oldest item has waited. */
export const useAge = () => {
  const translate = useTranslate();
  return (hours: number) =>
    hours < 1
      ? translate('console.home.age.under_hour')
      : hours < 48
        ? translate('console.home.age.hours', { smart_count: hours })
        : translate('console.home.age.days', { smart_count: Math.floor(hours / 24) });
};

const LinkCard = ({ to, testId, children }: { to: string; testId: string; children: ReactNode }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardActionArea component={Link} to={to} data-testid={testId} sx={{ height: '100%', display: 'flex', alignItems: 'stretch', justifyContent: 'flex-start' }}>
      <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', width: '100%' }}>{children}</CardContent>
    </CardActionArea>
  </Card>
);

const Line = ({ testId, value, children, color }: { testId: string; value: number | string; children: ReactNode; color?: string }) => (
  <Typography variant="body2" color={color ?? 'text.secondary'} data-testid={testId} data-value={value} sx={{ ...num, fontWeight: color === 'error' ? 600 : undefined }}>
    {children}
  </Typography>
);

/** One queue: how many wait, the oldest, those past their promised time (in red), due later today, held by me. */
export const QueueCard = ({ queue }: { queue: HomeQueue }) => {
  const translate = useTranslate();
  const age = useAge();
  const link = QUEUE_LINKS[queue.key];
  const Icon = iconOf(link.menuKey);
  const id = `home-queue-${kebab(queue.key)}`;
  return (
    <LinkCard to={link.path} testId={id}>
      <Icon color="primary" sx={{ mt: 0.25 }} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
          {translate(`console.home.queues.${queue.key}`)}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mt: 0.5 }}>
          <Typography variant="h4" component="span" data-testid={`${id}-count`} data-value={queue.count} sx={{ ...num, fontWeight: 600, lineHeight: 1.1 }}>
            {queue.count}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('console.home.waiting', { smart_count: queue.count })}
          </Typography>
        </Stack>
        {queue.count === 0 ? (
          <Line testId={`${id}-empty`} value={0}>
            {translate('console.home.nothing_waiting')}
          </Line>
        ) : (
          <Stack spacing={0.25} sx={{ mt: 1 }}>
            {queue.oldestAgeHours !== null ? (
              <Line testId={`${id}-oldest`} value={queue.oldestAgeHours}>
                {translate('console.home.oldest', { age: age(queue.oldestAgeHours) })}
              </Line>
            ) : null}
            <Line testId={`${id}-overdue`} value={queue.overdue} color={queue.overdue > 0 ? 'error' : undefined}>
              {queue.overdue > 0 ? translate('console.home.overdue', { smart_count: queue.overdue }) : translate('console.home.none_overdue')}
            </Line>
            {queue.dueToday > 0 ? (
              <Line testId={`${id}-due-today`} value={queue.dueToday}>
                {translate('console.home.due_today', { smart_count: queue.dueToday })}
              </Line>
            ) : null}
            {queue.waitingForClient > 0 ? (
              <Line testId={`${id}-waiting`} value={queue.waitingForClient}>
                {translate('console.home.waiting_for_client', { smart_count: queue.waitingForClient })}
              </Line>
            ) : null}
            {queue.claimedByMe ? (
              <Line testId={`${id}-mine`} value={queue.claimedByMe}>
                {translate('console.home.mine', { smart_count: queue.claimedByMe })}
              </Line>
            ) : null}
          </Stack>
        )}
      </Box>
      <ArrowForwardIcon fontSize="small" color="action" sx={{ alignSelf: 'center' }} />
    </LinkCard>
  );
};

/** A book's next payout day: what goes in a batch (with the total), what is late already, what is held. */
export const PayoutsDueCard = ({ due }: { due: HomePayoutsDue }) => {
  const translate = useTranslate();
  const format = useFormat();
  const id = `home-payouts-due-${due.book.toLowerCase()}`;
  return (
    <LinkCard to="/payout-batches" testId={id}>
      <PaymentsIcon color="primary" sx={{ mt: 0.25 }} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
          {translate('console.home.payouts_due.title', { book: translate(`console.home.books.${due.book}`) })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('console.home.payouts_due.day', { date: format.date(due.payoutDate) })}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', mt: 0.5, flexWrap: 'wrap' }}>
          <Typography variant="h4" component="span" data-testid={`${id}-count`} data-value={due.count} sx={{ ...num, fontWeight: 600, lineHeight: 1.1 }}>
            {due.count}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('console.home.payouts_due.invoices', { smart_count: due.count })}
          </Typography>
        </Stack>
        <Stack spacing={0.25} sx={{ mt: 1 }}>
          <Line testId={`${id}-total`} value={due.total}>
            {translate('console.home.payouts_due.total', { amount: format.amount(due.total, due.currency) })}
          </Line>
          {due.late > 0 ? (
            <Line testId={`${id}-late`} value={due.late} color="error">
              {translate('console.home.payouts_due.late', { smart_count: due.late })}
            </Line>
          ) : null}
          {due.held > 0 ? (
            <Line testId={`${id}-held`} value={due.held}>
              {translate('console.home.payouts_due.held', { smart_count: due.held, amount: format.amount(due.heldTotal, due.currency) })}
            </Line>
          ) : null}
        </Stack>
      </Box>
      <ArrowForwardIcon fontSize="small" color="action" sx={{ alignSelf: 'center' }} />
    </LinkCard>
  );
};

/**
 * The daily check of exposure against the books (issue 14): all agree, or the debtors that
 * differ (each a link to its page), or that it has not run yet. The amounts are the server's.
 */
export const ExposureCheckCard = ({ check }: { check: HomeExposureCheck | null }) => {
  const translate = useTranslate();
  const format = useFormat();
  const id = 'home-exposure-check';
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={id} data-differences={check?.differenceCount ?? ''}>
      <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <BalanceIcon color={check && check.differenceCount > 0 ? 'error' : 'primary'} sx={{ mt: 0.25 }} />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
            {translate('console.home.exposure_check.title')}
          </Typography>
          {check ? (
            <>
              <Typography variant="body2" color="text.secondary">
                {translate('console.home.exposure_check.ran', { date: format.date(check.runOn) })}
              </Typography>
              {check.differenceCount === 0 ? (
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {translate('console.home.exposure_check.agrees')}
                </Typography>
              ) : (
                <Stack spacing={0.25} sx={{ mt: 0.5 }}>
                  <Typography variant="body2" color="error" sx={{ fontWeight: 600 }}>
                    {translate('console.home.exposure_check.differs', { smart_count: check.differenceCount })}
                  </Typography>
                  {check.differences.slice(0, 5).map((d) => (
                    <Typography key={d.debtorId} variant="body2" component={Link} to={`/debtors/${d.debtorId}/show`} sx={{ ...num, color: 'inherit' }}>
                      {translate('console.home.exposure_check.difference', { exposure: format.amount(d.exposure, undefined, { decimals: 2 }), receivables: format.amount(d.receivables, undefined, { decimals: 2 }) })}
                    </Typography>
                  ))}
                </Stack>
              )}
            </>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {translate('console.home.exposure_check.not_run')}
            </Typography>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};

/** A role whose queues have not been built yet: said in words, not as an empty grid. */
export const NoWorkYetCard = ({ testId }: { testId: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <HourglassEmptyIcon color="action" sx={{ mt: 0.25 }} />
        <Box>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
            {translate('console.home.no_work_yet')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {translate('console.home.no_work_yet_collection')}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
};
