import Decimal from 'decimal.js';
import { createCB } from 'xmlbuilder2';

/**
 * ISO 20022 pain.001.001.03 credit transfers for a payout batch (issue 12, s.3), written as a
 * stream so a batch of any size never sits whole in memory. The XSD is necessary, not
 * sufficient: how Swedish and Norwegian accounts are written follows Nordea's "Corporate
 * Access Payables, Message Implementation Guide pain.001.001.03" (the Nordic bank whose MIG the
 * brief names), as we read it:
 * - bankgiro: CdtrAcct/Id/Othr/Id = the bankgiro number (digits), SchmeNm/Prtry = BGNR, and the
 *   creditor agent's clearing-system member id 9900 (SESBA);
 * - PlusGiro: CdtrAcct/Id/Othr/Id = the PlusGiro number, SchmeNm/Cd = BBAN, member id 9960;
 * - Swedish bank account: Othr/Id = clearing + account number, SchmeNm/Cd = BBAN, member id =
 *   the clearing number;
 * - Norwegian account: Othr/Id = the 11 digits, SchmeNm/Cd = BBAN (no agent needed domestically);
 * - IBAN: CdtrAcct/Id/IBAN, with the BIC as creditor agent when known;
 * - the initiating party is our agreement id with the bank, Othr with SchmeNm/Cd = CUST.
 * The invoice's OCR/KID is the factor's reference for the client, so it goes in the unstructured
 * remittance information (RmtInf/Ustrd), never as a structured creditor reference: that belongs
 * to the payee's own agreement, and Norwegian banks check a KID against it.
 */
export interface Pain001Batch {
  messageId: string;
  createdAt: Date;
  payoutDate: string;
  currency: 'SEK' | 'NOK';
  debtor: { name: string; country: 'SE' | 'NO'; agreementId: string; account: { kind: string; number: string }; bic: string | null };
}

export interface Pain001Payment {
  endToEndId: string;
  amount: string;
  reference: string;
  payee: { name: string; kind: string; value: string; bic?: string };
}

const NS = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

/** Writes the file to `write` chunk by chunk; the count and control sum are the header's and must match the payments. */
export async function writePain001(
  batch: Pain001Batch,
  summary: { count: number; total: string },
  payments: AsyncIterable<Pain001Payment> | Iterable<Pain001Payment>,
  write: (chunk: string) => void,
): Promise<{ count: number; total: string }> {
  const xml = createCB({ data: write, prettyPrint: true });
  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  const doc = xml.ele(NS, 'Document').ele('CstmrCdtTrfInitn');
  const header = doc.ele('GrpHdr');
  header.ele('MsgId').txt(batch.messageId).up();
  header.ele('CreDtTm').txt(batch.createdAt.toISOString().slice(0, 19)).up();
  header.ele('NbOfTxs').txt(String(summary.count)).up();
  header.ele('CtrlSum').txt(summary.total).up();
  const initiator = header.ele('InitgPty');
  initiator.ele('Nm').txt(batch.debtor.name).up();
  initiator.ele('Id').ele('OrgId').ele('Othr').ele('Id').txt(batch.debtor.agreementId).up().ele('SchmeNm').ele('Cd').txt('CUST').up().up().up().up().up();
  initiator.up();
  header.up();

  const info = doc.ele('PmtInf');
  info.ele('PmtInfId').txt(batch.messageId).up();
  info.ele('PmtMtd').txt('TRF').up();
  info.ele('NbOfTxs').txt(String(summary.count)).up();
  info.ele('CtrlSum').txt(summary.total).up();
  info.ele('PmtTpInf').ele('SvcLvl').ele('Cd').txt('NURG').up().up().up();
  info.ele('ReqdExctnDt').txt(batch.payoutDate).up();
  const debtor = info.ele('Dbtr');
  debtor.ele('Nm').txt(batch.debtor.name).up();
  debtor.ele('PstlAdr').ele('Ctry').txt(batch.debtor.country).up().up();
  debtor.up();
  account(info.ele('DbtrAcct'), batch.debtor.account.kind === 'BANKGIRO' ? { kind: 'SE_BANKGIRO', value: batch.debtor.account.number } : { kind: 'NO_BANK_ACCOUNT', value: batch.debtor.account.number });
  info.ele('DbtrAgt').ele('FinInstnId').ele('BIC').txt(batch.debtor.bic ?? 'NOTPROVIDED').up().up().up();
  info.ele('ChrgBr').txt('SLEV').up();

  let count = 0;
  let total = new Decimal(0);
  for await (const payment of payments) {
    count++;
    total = total.plus(payment.amount);
    const tx = info.ele('CdtTrfTxInf');
    tx.ele('PmtId').ele('InstrId').txt(payment.endToEndId).up().ele('EndToEndId').txt(payment.endToEndId).up().up();
    tx.ele('Amt').ele('InstdAmt', { Ccy: batch.currency }).txt(new Decimal(payment.amount).toFixed(2)).up().up();
    const agent = creditorAgent(payment.payee);
    if (agent) {
      const fin = tx.ele('CdtrAgt').ele('FinInstnId');
      if ('bic' in agent) fin.ele('BIC').txt(agent.bic).up();
      else fin.ele('ClrSysMmbId').ele('ClrSysId').ele('Cd').txt('SESBA').up().up().ele('MmbId').txt(agent.member).up().up();
      fin.up().up();
    }
    tx.ele('Cdtr').ele('Nm').txt(payment.payee.name.slice(0, 70)).up().up();
    account(tx.ele('CdtrAcct'), payment.payee);
    tx.ele('RmtInf').ele('Ustrd').txt(payment.reference).up().up();
    tx.up();
  }
  info.up();
  doc.up().up();
  xml.end();
  // The header was written before the payments streamed: they must agree, or the file is not sent.
  if (count !== summary.count || !total.equals(summary.total)) {
    throw new Error(`The payments (${count}, ${total.toFixed(2)}) do not match the batch (${summary.count}, ${summary.total})`);
  }
  return { count, total: total.toFixed(2) };
}

type Element = ReturnType<ReturnType<typeof createCB>['ele']>;

function account(parent: Element, payee: { kind: string; value: string }): void {
  const id = parent.ele('Id');
  if (payee.kind === 'IBAN') {
    id.ele('IBAN').txt(payee.value).up();
  } else {
    const other = id.ele('Othr');
    other.ele('Id').txt(payee.value.replace(/\D/g, '')).up();
    const scheme = other.ele('SchmeNm');
    if (payee.kind === 'SE_BANKGIRO') scheme.ele('Prtry').txt('BGNR').up();
    else scheme.ele('Cd').txt('BBAN').up();
    scheme.up();
    other.up();
  }
  id.up();
  parent.up();
}

function creditorAgent(payee: { kind: string; value: string; bic?: string }): { member: string } | { bic: string } | null {
  switch (payee.kind) {
    case 'SE_BANKGIRO':
      return { member: '9900' };
    case 'SE_PLUSGIRO':
      return { member: '9960' };
    case 'SE_BANK_ACCOUNT':
      return { member: payee.value.split('-')[0].slice(0, 4) };
    case 'IBAN':
      return payee.bic ? { bic: payee.bic } : null;
    default:
      return null;
  }
}
