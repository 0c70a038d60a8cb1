import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import Decimal from 'decimal.js';
import {
  Box,
  Card,
  CardContent,
  Chip,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { Link, Show, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { CountryFlag } from '../common/CountryField';
import { today, useFormat } from '../common/format';
import { FullRecord } from '../common/FullRecord';
import { Facts, reasonText, Section } from '../common/Section';
import { Timeline } from '../common/Timeline';
import type { Invoice } from '../types';
import { InvoiceDocuments } from '../documents/DocumentsSection';
import { InvoiceDeliveries } from '../deliveries/InvoiceDeliveries';
import { InvoicePayments } from '../payments/InvoicePayments';
import { RegisterDisputeButton } from '../disputes/RegisterDisputeButton';
import { HandOffButton } from '../collection-cases/HandOffButton';
import { CreditDecisions } from './CreditDecisions';
import { ClientStatusChip, InvoiceStatusChip } from './fields';
import { OfferChart } from './OfferChart';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

const Header = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1" data-testid="invoice-number">
            {record.invoiceNumber}
          </Typography>
          <InvoiceStatusChip status={record.status} size="medium" />
          <ClientStatusChip status={record.clientStatus} size="medium" />
          <RegisterDisputeButton invoice={record} />
          {/* A bought invoice past its due date may go to collection from its page too (the API refuses one paid, disputed or already there). */}
          {record.status === 'PURCHASED' && record.dueDate < today() ? <HandOffButton invoiceId={record.id} /> : null}
          <Box sx={{ flex: 1 }} />
          <Typography variant="h5" component="span" sx={num} data-testid="invoice-payable">
            {format.amount(record.payable, record.currency, { decimals: 2 })}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', color: 'text.secondary', alignItems: 'center' }}>
          <CountryFlag country={record.country} />
          <MuiLink component={Link} to={`/clients/${record.clientId}/show`} data-testid="invoice-client">
            {record.clientName}
          </MuiLink>
          <ArrowRightAltIcon fontSize="small" />
          {record.debtorId ? (
            <MuiLink component={Link} to={`/debtors/${record.debtorId}/show`} data-testid="invoice-debtor">
              {record.debtorName}
            </MuiLink>
          ) : (
            <Typography variant="body2" data-testid="invoice-debtor" title={translate('console.invoices.debtor_unregistered')}>
              {record.debtorName}
            </Typography>
          )}
          <Typography variant="body2">
            {translate('console.invoices.created')} {format.dateTime(record.createdAt)}
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The lines with their net, then the totals as the client stated them, down to what the debtor pays. */
const Lines = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const money = (value: string | null | undefined) => format.amount(value, record.currency, { decimals: 2 });
  const total = (label: string, value: ReactNode, testId: string, strong = false) => (
    <TableRow key={testId}>
      <TableCell colSpan={4} align="right" sx={{ border: 0, py: 0.5, color: strong ? 'text.primary' : 'text.secondary', fontWeight: strong ? 600 : 400 }}>
        {label}
      </TableCell>
      <TableCell align="right" sx={{ ...num, border: 0, py: 0.5, fontWeight: strong ? 600 : 400 }} data-testid={testId}>
        {value}
      </TableCell>
    </TableRow>
  );
  return (
    <Section title="console.invoices.lines" testId="invoice-lines">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('console.invoices.line.description')}</TableCell>
            <TableCell align="right">{translate('console.invoices.line.quantity')}</TableCell>
            <TableCell align="right">{translate('console.invoices.line.unit_price')}</TableCell>
            <TableCell align="right">{translate('console.invoices.line.vat_rate')}</TableCell>
            <TableCell align="right">{translate('console.invoices.line.net')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(record.lines ?? []).map((line) => (
            <TableRow key={line.lineNumber} data-testid="invoice-line">
              <TableCell>{line.description}</TableCell>
              <TableCell align="right" sx={num}>
                {format.amount(line.quantity, undefined, { decimals: line.quantity.includes('.') ? 2 : 0 })}
              </TableCell>
              <TableCell align="right" sx={num}>
                {money(line.unitPrice)}
              </TableCell>
              <TableCell align="right" sx={num}>
                {line.reverseCharge ? (
                  <Chip size="small" variant="outlined" label={translate('console.invoices.line.reverse_charge')} />
                ) : (
                  format.percent(line.vatRatePercent)
                )}
              </TableCell>
              <TableCell align="right" sx={num}>
                {money(line.net)}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={5} sx={{ border: 0, pt: 1.5, pb: 0 }} />
          </TableRow>
          {total(translate('console.invoices.totals.net'), money(record.net), 'invoice-net')}
          {total(translate('console.invoices.totals.vat'), money(record.vat), 'invoice-vat')}
          {record.rounding && !new Decimal(record.rounding).isZero() ? total(translate('console.invoices.totals.rounding'), money(record.rounding), 'invoice-rounding') : null}
          {total(translate('console.invoices.totals.gross'), money(record.gross), 'invoice-gross', !record.deductionKind)}
          {record.deductionKind
            ? total(translate(`console.deduction_kinds.${record.deductionKind}`), `− ${money(record.deductionAmount)}`, 'invoice-deduction')
            : null}
          {record.deductionKind ? total(translate('console.invoices.totals.payable'), money(record.payable), 'invoice-total-payable', true) : null}
          {record.creditedAmount && !new Decimal(record.creditedAmount).isZero()
            ? total(translate('console.invoices.totals.credited'), `− ${money(record.creditedAmount)}`, 'invoice-credited')
            : null}
        </TableBody>
      </Table>
    </Section>
  );
};

const Dates = () => {
  const record = useRecordContext<Invoice>();
  const format = useFormat();
  if (!record) return null;
  const debtor = record.debtor;
  return (
    <Section title="console.invoices.dates">
      <Facts
        rows={[
          ['console.invoices.invoice_date', format.date(record.invoiceDate)],
          ['console.invoices.delivery_date', format.date(record.deliveryDate)],
          ['console.invoices.due_date', format.date(record.dueDate)],
          [
            'console.invoices.debtor',
            debtor ? (
              <span key="debtor">
                {debtor.name} <span style={{ fontFamily: 'monospace' }}>{debtor.identityNumber}</span>
                {debtor.address ? (
                  <>
                    <br />
                    {debtor.address.street}, {debtor.address.postalCode} {debtor.address.city}
                  </>
                ) : null}
              </span>
            ) : (
              record.debtorName
            ),
          ],
        ]}
      />
    </Section>
  );
};

/** The offer: amount, fee, VAT on the fee and payout, drawn as one bar, with its dates and recourse modes. */
const OfferSection = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const offer = record.offer;
  if (!offer) {
    return (
      <Section title="console.invoices.offer" testId="invoice-offer">
        <Typography variant="body2" color="text.secondary">
          {translate('console.invoices.no_offer')}
        </Typography>
      </Section>
    );
  }
  const money = (value: string) => <span style={num}>{format.amount(value, offer.currency, { decimals: 2 })}</span>;
  const modes = offer.recourseModes.map((mode) => translate(`console.recourse_modes.${mode}`)).join(', ');
  return (
    <Section title="console.invoices.offer" testId="invoice-offer">
      <OfferChart offer={offer} />
      <Box sx={{ mt: 2 }}>
        <Facts
          rows={[
            ['console.invoices.offer_amount', money(offer.amount), 'offer-amount'],
            ['console.invoices.fee', money(offer.fee), 'offer-fee'],
            ['console.invoices.vat_on_fee', money(offer.vatOnFee), 'offer-vat-on-fee'],
            ['console.invoices.payout', <strong key="payout">{money(offer.payout)}</strong>, 'offer-payout'],
            ['console.invoices.planned_payout', format.date(offer.plannedPayoutDate), 'offer-planned-payout'],
            ['console.invoices.expires', format.dateTime(offer.expiresAt), 'offer-expires'],
            ['console.invoices.recourse_modes', modes, 'offer-recourse-modes'],
            ...(record.recourseMode
              ? ([['console.invoices.recourse_chosen', translate(`console.recourse_modes.${record.recourseMode}`), 'offer-recourse-chosen']] as Array<
                  [string, ReactNode, string]
                >)
              : []),
            ...(record.acceptedAt ? ([['console.invoices.accepted_at', format.dateTime(record.acceptedAt)]] as Array<[string, ReactNode]>) : []),
          ]}
        />
      </Box>
    </Section>
  );
};

const PaymentInstructionsSection = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  if (!record) return null;
  const instructions = record.paymentInstructions;
  return (
    <Section title="console.invoices.payment_instructions" testId="invoice-payment-instructions">
      {instructions ? (
        <Facts
          rows={[
            [
              'console.invoices.reference',
              <span key="reference">
                <span style={{ fontFamily: 'monospace', fontSize: '1rem' }} data-testid="payment-reference">
                  {instructions.reference}
                </span>{' '}
                ({instructions.referenceKind})
              </span>,
            ],
            [
              'console.invoices.account',
              <span key="account">
                <span style={{ fontFamily: 'monospace', fontSize: '1rem' }} data-testid="payment-account">
                  {instructions.account}
                </span>{' '}
                ({/* The API names kinds without the country (BANKGIRO); ours carry it (SE_BANKGIRO). */}
                {translate(`console.bank_account_kinds.${record.country}_${instructions.accountKind}`, {
                  _: translate(`console.bank_account_kinds.${instructions.accountKind}`, { _: instructions.accountKind }),
                })}
                )
              </span>,
            ],
          ]}
        />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate(
            ['REFUSED', 'DENIED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'].includes(record.status) ? 'console.invoices.no_payment_instructions_unsold' : 'console.invoices.no_payment_instructions',
          )}
        </Typography>
      )}
    </Section>
  );
};

/** Every reason the rules gave, in the chosen language, each with its code. */
const Reasons = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Section title="console.invoices.reasons" testId="invoice-reasons">
      {record.reasons.length ? (
        <Stack component="ul" spacing={1.25} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {record.reasons.map((reason) => (
            <Box component="li" key={reason.code} data-testid="invoice-reason" data-code={reason.code}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle2">{translate(`console.reason_codes.${reason.code}`, { _: reason.code })}</Typography>
              </Stack>
              <Typography variant="body2" sx={{ mt: 0.25 }} data-testid="invoice-reason-text">
                {reasonText(reason, locale)}
              </Typography>
            </Box>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('console.invoices.no_reasons')}
        </Typography>
      )}
    </Section>
  );
};

const Duplicates = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  if (!record?.suspectedDuplicates?.length) return null;
  return (
    <Section title="console.invoices.duplicates" testId="invoice-duplicates">
      <Stack spacing={0.75}>
        {record.suspectedDuplicates.map((twin) => (
          <Stack key={twin.invoiceId} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <MuiLink component={Link} to={`/invoices/${twin.invoiceId}/show`} data-testid="invoice-duplicate">
              {twin.invoiceNumber}
            </MuiLink>
            <Typography variant="body2" color="text.secondary">
              {translate(twin.sameClient ? 'console.invoices.same_client' : 'console.invoices.other_client')} · {twin.kind}
            </Typography>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
};

const CreditNotes = () => {
  const record = useRecordContext<Invoice>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const notes = record.creditNotes ?? [];
  return (
    <Section title="console.invoices.credit_notes" testId="invoice-credit-notes">
      {notes.length ? (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('console.invoices.credit_number')}</TableCell>
              <TableCell align="right">{translate('console.invoices.amount')}</TableCell>
              <TableCell>{translate('console.common.reason')}</TableCell>
              <TableCell>{translate('console.invoices.created')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {notes.map((note) => (
              <TableRow key={note.id}>
                <TableCell>{note.creditNumber}</TableCell>
                <TableCell align="right" sx={num}>
                  {format.amount(note.amount, record.currency, { decimals: 2 })}
                </TableCell>
                <TableCell>{note.reason ?? '—'}</TableCell>
                <TableCell>{format.dateTime(note.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('console.invoices.no_credit_notes')}
        </Typography>
      )}
    </Section>
  );
};

/** What happened to the invoice, newest first, in the invoice's own states and the reader's words. */
const InvoiceTimeline = () => {
  const record = useRecordContext<Invoice>();
  if (!record) return null;
  return (
    <Section title="console.invoices.timeline" testId="invoice-timeline">
      <Timeline
        entityType="INVOICE"
        entityId={record.id}
        statesKey="console.invoice_statuses"
        currency={record.currency}
        names={{ [record.clientId]: record.clientName }}
      />
    </Section>
  );
};

/**
 * An invoice at a glance: who sells it to whom and where it stands; the lines and totals
 * beside the offer; then why the rules said what they said, how the debtor pays, and its history.
 */
export const InvoiceShow = () => (
  <Show component="div" actions={false}>
    <FullRecord field="lines">
      <Header />
      <Box sx={{ display: 'grid', gap: 2, mb: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
        <Stack spacing={2}>
          <Lines />
          <Reasons />
          <CreditDecisions />
          <Duplicates />
        </Stack>
        <Stack spacing={2}>
          <OfferSection />
          <PaymentInstructionsSection />
          <Dates />
        </Stack>
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}>
        <InvoiceTimeline />
        <CreditNotes />
      </Box>
      <Box sx={{ mt: 2 }}>
        <InvoicePayments />
        <InvoiceDocuments />
        <InvoiceDeliveries />
      </Box>
    </FullRecord>
  </Show>
);
