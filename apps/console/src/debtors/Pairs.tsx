import LinkIcon from '@mui/icons-material/Link';
import TuneIcon from '@mui/icons-material/Tune';
import AddLinkIcon from '@mui/icons-material/AddLink';
import {
  Alert,
  Box,
  Button as MuiButton,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useCallback, useState } from 'react';
import {
  ArrayField,
  AutocompleteInput,
  Button,
  DataTable,
  DateInput,
  Form,
  Link,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { isPlainDecimal } from '@factoring/domain/src/money/amount-text';
import { deliveryChoices } from '../clients/AgreementTermsInputs';
import { RelationChip } from '../common/chips';
import { compareAmounts, toNumber, today, useFormat } from '../common/format';
import { Amount as AmountText } from '../common/money/AmountField';
import { AmountInput } from '../common/money/AmountInput';
import { useHasRole } from '../common/roles';
import { formDialogSx, NO_RECORD } from '../common/Section';
import { ScrollToFirstError } from '../common/ScrollToFirstError';
import { dataProvider, type PairTermsForm } from '../dataProvider';
import { DEBTOR_RELATIONS, type ClientDebtor, type ClientDebtorRow, type Debtor, type DebtorRelation } from '../types';
import { useAction } from '../useAction';

const relationChoices = DEBTOR_RELATIONS.map((id) => ({ id, name: `console.debtor_relations.${id}` }));

const PairLimit = ({ currency }: { currency?: string; label?: string }) => {
  const pair = useRecordContext<ClientDebtor>();
  const translate = useTranslate();
  const format = useFormat();
  if (!pair) return null;
  if (pair.creditLimit === null) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {translate('console.pairs.no_pair_limit')}
      </Typography>
    );
  }
  return (
    <span style={{ whiteSpace: 'nowrap', display: 'block', textAlign: 'right' }}>
      <AmountText value={pair.creditLimit} currency={currency} />
      {pair.temporaryRaise ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('console.pairs.raise', { amount: format.amount(pair.temporaryRaise.amount, currency), date: format.date(pair.temporaryRaise.until) })}
        </Typography>
      ) : null}
    </span>
  );
};

const Amount = ({ source, currency }: { source: 'effectiveLimit' | 'exposure'; currency?: string; label?: string }) => {
  const pair = useRecordContext<ClientDebtor>();
  if (!pair) return null;
  const over = source === 'exposure' && pair.effectiveLimit !== null && compareAmounts(pair.exposure, pair.effectiveLimit) > 0;
  return <AmountText value={pair[source]} currency={currency} color={over ? 'error' : undefined} />;
};

const Delivery = (_props: { label?: string }) => {
  const pair = useRecordContext<ClientDebtor>();
  const translate = useTranslate();
  if (!pair) return null;
  return pair.deliveryChannel ? (
    <span>{translate(`console.delivery_channels.${pair.deliveryChannel}`)}</span>
  ) : (
    <Typography variant="body2" color="text.secondary" component="span">
      {translate('console.pairs.delivery_as_agreed')}
    </Typography>
  );
};

const Relation = (_props: { label?: string }) => {
  const pair = useRecordContext<ClientDebtor>();
  if (!pair?.relation) return null;
  return (
    <Box data-testid="pair-relation">
      <RelationChip relation={pair.relation} />
      {pair.relationNote ? (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5, maxWidth: 260 }}>
          {pair.relationNote}
        </Typography>
      ) : null}
    </Box>
  );
};

const OtherParty = ({ side }: { side: 'client' | 'debtor'; label?: string }) => {
  const pair = useRecordContext<ClientDebtor>();
  if (!pair) return null;
  // On a client's page the other party is the debtor, and the other way round.
  return side === 'client' ? (
    <Link to={`/debtors/${pair.debtorId}/show`}>{pair.debtorName}</Link>
  ) : (
    <Link to={`/clients/${pair.clientId}/show`}>{pair.clientName}</Link>
  );
};

const SubmitButton = ({ label, testId }: { label: string; testId: string }) => {
  const translate = useTranslate();
  const { formState } = useFormContext();
  return (
    <MuiButton
      type="submit"
      variant="contained"
      disabled={formState.isSubmitting}
      startIcon={formState.isSubmitting ? <CircularProgress size={16} color="inherit" /> : undefined}
      data-testid={testId}
    >
      {translate(label)}
    </MuiButton>
  );
};

/** Said before sending: a limit under what is outstanding stops new purchases and needs a reason. */
const BelowExposureWarning = ({ exposure, currency, source = 'creditLimit' }: { exposure: string; currency?: string; source?: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  // The form holds a plain decimal once the amount input reads the text (a refused text is not compared).
  const limit = useWatch({ name: source }) as unknown;
  // A negative limit is refused under its field instead (a limit cannot be negative): no warning then.
  if (!isPlainDecimal(limit) || limit.startsWith('-') || !(Number(limit) < toNumber(exposure))) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="below-exposure">
      {translate('console.limits.below_exposure', { exposure: format.amount(exposure, currency), limit: format.amount(limit, currency) })}
    </Alert>
  );
};

/** The reason is required when the new limit is below the exposure (the API refuses without one). */
const reasonWhenBelow = (exposure: string, source = 'creditLimit') => (value: unknown, values: Record<string, unknown>) => {
  const limit = values[source];
  const below = isPlainDecimal(limit) && !limit.startsWith('-') && Number(limit) < toNumber(exposure);
  return below && !String(value ?? '').trim() ? 'console.limits.reason_required' : undefined;
};

/** A raise needs both its amount and its last day, or neither. */
const raiseComplete = (value: unknown, values: Record<string, unknown>) => {
  const raise = values.temporaryRaise as { amount?: string; until?: string } | undefined;
  const hasAmount = !!String(raise?.amount ?? '').trim();
  const hasUntil = !!raise?.until;
  return hasAmount !== hasUntil && !String(value ?? '').trim() ? 'console.limits.raise_incomplete' : undefined;
};

export const RaiseInputs = ({ currency }: { currency?: string }) => (
  <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' } }}>
    <AmountInput
      source="temporaryRaise.amount"
      negativeMessage="console.limits.negative"
      label="console.limits.raise_amount"
      currency={currency}
      validate={raiseComplete}
      helperText="console.limits.raise_hint"
    />
    <DateInput
      source="temporaryRaise.until"
      label="console.limits.raise_last_day"
      validate={raiseComplete}
      inputProps={{ min: today() }}
      helperText="console.limits.raise_last_day_hint"
    />
  </Box>
);

export { BelowExposureWarning, reasonWhenBelow };

/**
 * Sets a client and debtor pair's own limit (with an optional temporary raise) and delivery
 * channel (setClientDebtorTerms). The API sets all of them at once, so the form starts from
 * what is in force and sends everything back.
 */
const PairTermsDialog = ({
  debtor,
  pair,
  open,
  onClose,
}: {
  debtor: Debtor;
  pair?: ClientDebtor;
  open: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const save = useCallback((terms: PairTermsForm) => dataProvider.setClientDebtorTerms(terms), []);
  const { execute } = useAction(save, { formHandlesFieldErrors: true });
  const exposure = pair?.exposure ?? '0';
  const submit = async (values: Record<string, unknown>) => {
    const terms = values as unknown as PairTermsForm;
    const result = await execute({ ...terms, debtorId: debtor.id, clientId: pair?.clientId ?? terms.clientId });
    if (result.ok) {
      notify('console.pairs.saved', { type: 'success', messageArgs: { name: debtor.name } });
      onClose();
      refresh();
      return undefined;
    }
    return result.formErrors;
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="pair-terms-dialog" sx={formDialogSx}>
      <Form
        record={NO_RECORD}
        defaultValues={{
          clientId: pair?.clientId ?? '',
          creditLimit: pair?.creditLimit ?? '',
          temporaryRaise: { amount: pair?.temporaryRaise?.amount ?? '', until: pair?.temporaryRaise?.until ?? '' },
          deliveryChannel: pair?.deliveryChannel ?? '',
          reason: '',
        }}
        onSubmit={submit}
        noValidate
      >
        <ScrollToFirstError />
        <DialogTitle>
          {pair
            ? translate('console.pairs.terms_title', { client: pair.clientName, debtor: debtor.name })
            : translate('console.pairs.add_title', { debtor: debtor.name })}
        </DialogTitle>
        <DialogContent dividers>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.pairs.terms_content')}</DialogContentText>
          {pair ? null : (
            <ReferenceInput source="clientId" reference="clients" filter={{ country: debtor.country }} perPage={20}>
              <AutocompleteInput
                label="console.pairs.client"
                optionText="legalName"
                filterToQuery={(q) => ({ q })}
                validate={required()}
                helperText="console.pairs.client_hint"
              />
            </ReferenceInput>
          )}
          <BelowExposureWarning exposure={exposure} currency={debtor.currency} />
          <AmountInput
            source="creditLimit"
            negativeMessage="console.limits.negative"
            label="console.pairs.pair_limit"
            currency={debtor.currency}
            helperText="console.pairs.pair_limit_hint"
            fullWidth
          />
          <RaiseInputs currency={debtor.currency} />
          <SelectInput
            source="deliveryChannel"
            label="console.pairs.delivery"
            choices={deliveryChoices}
            emptyText="console.pairs.delivery_as_agreed"
            helperText="console.pairs.delivery_hint"
          />
          <TextInput
            source="reason"
            label="console.common.reason"
            multiline
            validate={reasonWhenBelow(exposure)}
            helperText="console.pairs.reason_hint"
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
          <SubmitButton label="ra.action.save" testId="pair-terms-save" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** Marks (or clears) that client and debtor are related: their invoices are internal and cannot be sold (seed 001). */
const RelationDialog = ({ pair, open, onClose }: { pair: ClientDebtor; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const mark = useCallback(
    (relation: DebtorRelation | null, note: string) => dataProvider.markClientDebtorRelation(pair.clientId, pair.debtorId, relation, note),
    [pair.clientId, pair.debtorId],
  );
  const { execute } = useAction(mark, { formHandlesFieldErrors: true });
  const submit = async (values: Record<string, unknown>) => {
    const result = await execute((values.relation as DebtorRelation) || null, String(values.note ?? ''));
    if (result.ok) {
      notify(values.relation ? 'console.pairs.relation_marked' : 'console.pairs.relation_cleared', { type: 'success' });
      onClose();
      refresh();
      return undefined;
    }
    return result.formErrors;
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="relation-dialog" sx={formDialogSx}>
      <Form record={NO_RECORD} defaultValues={{ relation: pair.relation ?? '', note: '' }} onSubmit={submit} noValidate>
        <DialogTitle>{translate('console.pairs.relation_title', { client: pair.clientName, debtor: pair.debtorName })}</DialogTitle>
        <DialogContent dividers>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.pairs.relation_content')}</DialogContentText>
          <SelectInput
            source="relation"
            label="console.pairs.relation"
            choices={relationChoices}
            emptyText="console.pairs.no_relation"
            helperText={false}
          />
          <TextInput
            source="note"
            label="console.pairs.note"
            multiline
            minRows={2}
            validate={[required(), (value: unknown) => (String(value ?? '').trim().length < 3 ? 'console.common.min_3' : undefined)]}
            helperText="console.pairs.note_hint"
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
          <SubmitButton label="ra.action.save" testId="relation-save" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

const PairActions = ({ debtor }: { debtor: Debtor; label?: string }) => {
  const pair = useRecordContext<ClientDebtor>();
  const [open, setOpen] = useState<'terms' | 'relation' | null>(null);
  if (!pair) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
      <Button label="console.pairs.terms" size="small" onClick={() => setOpen('terms')} data-testid="pair-terms">
        <TuneIcon />
      </Button>
      <Button label="console.pairs.relation" size="small" onClick={() => setOpen('relation')} data-testid="pair-relation-edit">
        <LinkIcon />
      </Button>
      {open === 'terms' ? <PairTermsDialog debtor={debtor} pair={pair} open onClose={() => setOpen(null)} /> : null}
      {open === 'relation' ? <RelationDialog pair={pair} open onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
};

/** Terms for a client that does not sell to this debtor yet: the pair is made on first use. */
export const AddPairButton = () => {
  const debtor = useRecordContext<Debtor>();
  const analyst = useHasRole('CREDIT_ANALYST');
  const [open, setOpen] = useState(false);
  if (!debtor || !analyst) return null;
  return (
    <>
      <Button label="console.pairs.add" onClick={() => setOpen(true)} data-testid="pair-add">
        <AddLinkIcon />
      </Button>
      {open ? <PairTermsDialog debtor={debtor} open onClose={() => setOpen(false)} /> : null}
    </>
  );
};

/**
 * A client's debtors, or a debtor's clients: the pair limit (and raise), the limit in force,
 * the exposure, the delivery channel and any relation. On a debtor's page an analyst sets
 * the pair's terms and marks relations.
 */
export const PairsTable = ({ source, side }: { source: 'debtors' | 'clients'; side: 'client' | 'debtor' }) => {
  const record = useRecordContext<Debtor>();
  const analyst = useHasRole('CREDIT_ANALYST');
  const translate = useTranslate();
  return (
    <ArrayField source={source}>
      <DataTable<ClientDebtorRow>
        bulkActionButtons={false}
        rowClick={false}
        size="small"
        data-testid={`pairs-${source}`}
        empty={
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate(side === 'client' ? 'console.pairs.no_debtors' : 'console.pairs.no_clients')}
          </Typography>
        }
      >
        <DataTable.Col label={side === 'client' ? 'console.pairs.debtor' : 'console.pairs.client'} disableSort>
          <OtherParty side={side} />
        </DataTable.Col>
        <DataTable.Col label="console.pairs.pair_limit" disableSort align="right">
          <PairLimit currency={record?.currency} />
        </DataTable.Col>
        <DataTable.Col label="console.pairs.effective_limit" disableSort align="right">
          <Amount source="effectiveLimit" currency={record?.currency} />
        </DataTable.Col>
        <DataTable.Col label="console.limits.exposure" disableSort align="right">
          <Amount source="exposure" currency={record?.currency} />
        </DataTable.Col>
        <DataTable.Col label="console.pairs.delivery" disableSort>
          <Delivery />
        </DataTable.Col>
        <DataTable.Col label="console.pairs.relation" disableSort>
          <Relation />
        </DataTable.Col>
        {side === 'debtor' && analyst && record ? (
          <DataTable.Col label="console.common.actions" disableSort align="right">
            <PairActions debtor={record} />
          </DataTable.Col>
        ) : null}
      </DataTable>
    </ArrayField>
  );
};
