import Decimal from 'decimal.js';

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

/**
 * Writes the file to `write` chunk by chunk (the header, then one chunk per payment, then the
 * end); the count and control sum are the header's and must match the payments. Written as
 * text with every value escaped, not through a DOM builder: the bench's 7 000-payment batch
 * spent 83 % of its 15 s in xmlbuilder2's DOM, and the official XSD checks the result in tests.
 */
export async function writePain001(
  batch: Pain001Batch,
  summary: { count: number; total: string },
  payments: AsyncIterable<Pain001Payment> | Iterable<Pain001Payment>,
  write: (chunk: string) => void,
): Promise<{ count: number; total: string }> {
  const debtorAccount = batch.debtor.account.kind === 'BANKGIRO' ? { kind: 'SE_BANKGIRO', value: batch.debtor.account.number } : { kind: 'NO_BANK_ACCOUNT', value: batch.debtor.account.number };
  write(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<Document xmlns="${NS}">`,
      '  <CstmrCdtTrfInitn>',
      '    <GrpHdr>',
      `      <MsgId>${x(batch.messageId)}</MsgId>`,
      `      <CreDtTm>${batch.createdAt.toISOString().slice(0, 19)}</CreDtTm>`,
      `      <NbOfTxs>${summary.count}</NbOfTxs>`,
      `      <CtrlSum>${x(summary.total)}</CtrlSum>`,
      '      <InitgPty>',
      `        <Nm>${x(batch.debtor.name)}</Nm>`,
      `        <Id><OrgId><Othr><Id>${x(batch.debtor.agreementId)}</Id><SchmeNm><Cd>CUST</Cd></SchmeNm></Othr></OrgId></Id>`,
      '      </InitgPty>',
      '    </GrpHdr>',
      '    <PmtInf>',
      `      <PmtInfId>${x(batch.messageId)}</PmtInfId>`,
      '      <PmtMtd>TRF</PmtMtd>',
      `      <NbOfTxs>${summary.count}</NbOfTxs>`,
      `      <CtrlSum>${x(summary.total)}</CtrlSum>`,
      '      <PmtTpInf><SvcLvl><Cd>NURG</Cd></SvcLvl></PmtTpInf>',
      `      <ReqdExctnDt>${x(batch.payoutDate)}</ReqdExctnDt>`,
      `      <Dbtr><Nm>${x(batch.debtor.name)}</Nm><PstlAdr><Ctry>${x(batch.debtor.country)}</Ctry></PstlAdr></Dbtr>`,
      `      <DbtrAcct>${account(debtorAccount)}</DbtrAcct>`,
      `      <DbtrAgt><FinInstnId><BIC>${x(batch.debtor.bic ?? 'NOTPROVIDED')}</BIC></FinInstnId></DbtrAgt>`,
      '      <ChrgBr>SLEV</ChrgBr>',
      '',
    ].join('\n'),
  );

  let count = 0;
  let total = new Decimal(0);
  for await (const payment of payments) {
    count++;
    total = total.plus(payment.amount);
    const agent = creditorAgent(payment.payee);
    const agentXml = !agent
      ? ''
      : 'bic' in agent
        ? `\n        <CdtrAgt><FinInstnId><BIC>${x(agent.bic)}</BIC></FinInstnId></CdtrAgt>`
        : `\n        <CdtrAgt><FinInstnId><ClrSysMmbId><ClrSysId><Cd>SESBA</Cd></ClrSysId><MmbId>${x(agent.member)}</MmbId></ClrSysMmbId></FinInstnId></CdtrAgt>`;
    write(
      [
        '      <CdtTrfTxInf>',
        `        <PmtId><InstrId>${x(payment.endToEndId)}</InstrId><EndToEndId>${x(payment.endToEndId)}</EndToEndId></PmtId>`,
        `        <Amt><InstdAmt Ccy="${batch.currency}">${new Decimal(payment.amount).toFixed(2)}</InstdAmt></Amt>${agentXml}`,
        `        <Cdtr><Nm>${x(payment.payee.name.slice(0, 70))}</Nm></Cdtr>`,
        `        <CdtrAcct>${account(payment.payee)}</CdtrAcct>`,
        `        <RmtInf><Ustrd>${x(payment.reference)}</Ustrd></RmtInf>`,
        '      </CdtTrfTxInf>',
        '',
      ].join('\n'),
    );
  }
  write('    </PmtInf>\n  </CstmrCdtTrfInitn>\n</Document>\n');
  // The header was written before the payments streamed: they must agree, or the file is not sent.
  if (count !== summary.count || !total.equals(summary.total)) {
    throw new Error(`The payments (${count}, ${total.toFixed(2)}) do not match the batch (${summary.count}, ${summary.total})`);
  }
  return { count, total: total.toFixed(2) };
}

/** Text as XML character data: markup escaped, and characters XML 1.0 cannot carry dropped. */
function x(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function account(payee: { kind: string; value: string }): string {
  if (payee.kind === 'IBAN') return `<Id><IBAN>${x(payee.value)}</IBAN></Id>`;
  const scheme = payee.kind === 'SE_BANKGIRO' ? '<Prtry>BGNR</Prtry>' : '<Cd>BBAN</Cd>';
  return `<Id><Othr><Id>${x(payee.value.replace(/\D/g, ''))}</Id><SchmeNm>${scheme}</SchmeNm></Othr></Id>`;
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
