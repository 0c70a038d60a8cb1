import { InvalidValueError } from '@factoring/domain';
import { XMLParser } from 'fast-xml-parser';
import { PayoutError } from './payout-errors';

/** One status of the bank's report, at the level it was given: the whole file, one payment information block, or one payment. */
export interface BankStatus {
  status: string;
  reasons: Array<{ code: string | null; text: string | null }>;
}

export interface StatusReport {
  messageId: string;
  originalMessageId: string;
  group: BankStatus | null;
  paymentBlocks: Array<BankStatus & { paymentInformationId: string }>;
  transactions: Array<BankStatus & { endToEndId: string }>;
}

/** Statuses that mean the bank will not make the payment (pain.002.001.03 TransactionGroupStatus3Code). */
export const REJECTED = 'RJCT';

const NS = 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.03';

/** A parsed XML element: the parser's output is untyped, and the report's shape is checked by the XSD first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type XmlNode = Record<string, any>;
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['OrgnlPmtInfAndSts', 'TxInfAndSts', 'StsRsnInf', 'AddtlInf'].includes(name),
});

/**
 * Reads a payment status report (pain.002.001.03): the bank accepts or rejects a payout file
 * at group, payment-block or transaction level (Nordea's samples reject at all three). The
 * XSD has already been checked; this reads what the report says.
 */
export function readPain002(xml: string): StatusReport {
  let document: XmlNode;
  try {
    document = parser.parse(xml);
  } catch (error) {
    throw new InvalidValueError(PayoutError.BANK_FILE_MALFORMED, `The file is not well-formed XML: ${(error as Error).message}`, 'file');
  }
  const namespace = /<(?:[\w-]+:)?Document\b[^>]*\sxmlns(?::[\w-]+)?="([^"]*)"/.exec(xml)?.[1];
  const report = document.Document?.CstmrPmtStsRpt;
  if (namespace !== NS || !report) {
    throw new InvalidValueError(PayoutError.BANK_FILE_NOT_PAIN002, `This is not a pain.002.001.03 payment status report (namespace ${namespace ?? 'none'}).`, 'file');
  }
  const original = report.OrgnlGrpInfAndSts ?? {};
  return {
    messageId: text(report.GrpHdr?.MsgId) ?? '',
    originalMessageId: text(original.OrgnlMsgId) ?? '',
    group: original.GrpSts ? { status: text(original.GrpSts)!, reasons: reasonsOf(original.StsRsnInf) } : null,
    paymentBlocks: (report.OrgnlPmtInfAndSts ?? []).flatMap((block: XmlNode) => [
      ...(block.PmtInfSts ? [{ paymentInformationId: text(block.OrgnlPmtInfId) ?? '', status: text(block.PmtInfSts)!, reasons: reasonsOf(block.StsRsnInf) }] : []),
    ]),
    transactions: (report.OrgnlPmtInfAndSts ?? []).flatMap((block: XmlNode) =>
      (block.TxInfAndSts ?? []).map((tx: XmlNode) => ({
        endToEndId: text(tx.OrgnlEndToEndId) ?? '',
        status: text(tx.TxSts) ?? '',
        reasons: reasonsOf(tx.StsRsnInf),
      })),
    ),
  };
}

function reasonsOf(list: Array<XmlNode> | undefined) {
  return (list ?? []).map((r) => ({ code: text(r.Rsn?.Cd) ?? text(r.Rsn?.Prtry), text: (r.AddtlInf ?? []).map(text).filter(Boolean).join(' ') || null }));
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return text((value as Record<string, unknown>)['#text']);
  return String(value).trim();
}
