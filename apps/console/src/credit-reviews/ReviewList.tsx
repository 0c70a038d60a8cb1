import { Box, Chip, Stack, Typography } from '@mui/material';
import { BooleanInput, DataTable, List, SelectInput, TextField, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { compactTable } from '../common/compactTable';
import type { CreditReview, ReviewKind } from '../types';
import { AgeField, DueField, OwnerField } from '../common/queue/QueueColumns';
import { ClaimNextReviewButton, ClaimReviewButton } from './ReviewButtons';
import { AttemptsField, ReviewAmountField, reviewStateChoices, ReviewStateField } from './fields';

const filters = [
  <SelectInput key="state" source="state" choices={reviewStateChoices} alwaysOn emptyText="console.reviews.not_closed" />,
  <BooleanInput key="mine" source="mine" alwaysOn label="console.applications.only_mine" sx={{ mb: 1.5 }} />,
];

const Actions = ({ kind }: { kind: ReviewKind }) => (
  <TopToolbar>
    <ClaimNextReviewButton kind={kind} />
  </TopToolbar>
);

/** What the queue is for, and how many are in it (overdue ones counted on this page). */
const Intro = ({ kind }: { kind: ReviewKind }) => {
  const translate = useTranslate();
  const { total, data, isPending } = useListContext<CreditReview>();
  const overdue = (data ?? []).filter((item) => item.overdue).length;
  const unclaimed = (data ?? []).filter((item) => !item.claimedBy && item.state !== 'CLOSED').length;
  return (
    <Box sx={{ px: 2, pt: 1.5 }}>
      <Typography variant="body2" color="text.secondary">
        {translate(kind === 'SPOT_CHECK' ? 'console.spot_checks.intro' : 'console.reviews.intro')}
      </Typography>
      {isPending ? null : (
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }} data-testid="reviews-counts">
          <Chip size="small" label={translate('console.reviews.count_total', { smart_count: total ?? 0 })} data-testid="reviews-total" />
          <Chip size="small" variant="outlined" label={translate('console.reviews.count_unclaimed', { smart_count: unclaimed })} />
          {overdue ? (
            <Chip size="small" color="error" label={translate('console.reviews.count_overdue', { smart_count: overdue })} data-testid="reviews-overdue" />
          ) : null}
        </Stack>
      )}
    </Box>
  );
};

/**
 * A credit queue, oldest first as the API orders it (the columns do not sort): invoices the rules
 * sent to a person, each with the time promised to the client.
 */
export const ReviewList = ({ kind }: { kind: ReviewKind }) => (
  <List
    filters={filters}
    actions={<Actions kind={kind} />}
    exporter={false}
    perPage={25}
    sort={{ field: 'openedAt', order: 'ASC' }}
    empty={false}
    // The page is called what its menu item says, in every language (issue 11, section 3).
    title={kind === 'SPOT_CHECK' ? 'console.menu.spot_checks' : 'console.menu.manual_assessment'}
  >
    <Intro kind={kind} />
    <DataTable<CreditReview>
      rowClick="show"
      bulkActionButtons={false}
      rowSx={(record) => (record.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.04)' } : {})}
      data-testid="reviews-table"
      sx={compactTable}
    >
      <DataTable.Col source="invoiceNumber" disableSort>
        <TextField source="invoiceNumber" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="amount" disableSort align="right">
        <ReviewAmountField />
      </DataTable.Col>
      <DataTable.Col source="clientName" disableSort />
      <DataTable.Col source="debtorName" disableSort />
      <DataTable.Col source="ageHours" disableSort>
        <AgeField />
      </DataTable.Col>
      <DataTable.Col source="dueAt" disableSort>
        <DueField field="dueAt" withTime />
      </DataTable.Col>
      <DataTable.Col source="claimedBy" disableSort>
        <OwnerField<CreditReview> isOpen={(r) => r.state !== 'CLOSED'} short />
      </DataTable.Col>
      {kind === 'SPOT_CHECK' ? (
        <DataTable.Col source="attempts" disableSort>
          <AttemptsField />
        </DataTable.Col>
      ) : null}
      <DataTable.Col source="state" disableSort>
        <ReviewStateField />
      </DataTable.Col>
      <DataTable.Col label="console.common.actions" disableSort align="right">
        <ClaimReviewButton size="small" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export const ManualAssessmentList = () => <ReviewList kind="MANUAL_ASSESSMENT" />;
export const SpotCheckList = () => <ReviewList kind="SPOT_CHECK" />;
