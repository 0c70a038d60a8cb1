import { computeTotals, InvoiceLine } from '@factoring/rules';
import { PeppolInvoiceData } from './peppol-invoice';

/**
 * Sold invoices as the e-invoice builder receives them, for the tests and the demo's stand-in:
 * totals come from the house's own totals rule, as a submitted invoice's do.
 */

type Lines = ReadonlyArray<InvoiceLine>;

function withTotals(lines: Lines, rounding = '0', deduction: PeppolInvoiceData['deduction'] = null) {
  const computed = computeTotals({ lines, totals: { net: '0', vat: '0', gross: '0', rounding }, deduction });
  return {
    lines: lines.map((line, i) => ({ ...line, net: computed.lineNets[i].toFixed(2) })),
    totals: {
      net: computed.net.toFixed(2),
      vat: computed.vat.toFixed(2),
      rounding: computed.rounding.toFixed(2),
      gross: computed.gross.toFixed(2),
      payable: computed.payable.toFixed(2),
    },
    deduction,
  };
}

const swedishFactor: PeppolInvoiceData['payee'] = {
  name: 'Factoring AB (Sverige)',
  organisationNumber: '556036-0793',
  country: 'SE',
  paymentReference: '1234567897',
  account: { kind: 'BANKGIRO', number: '5050-1055' },
};

const swedishClient: PeppolInvoiceData['seller'] = {
  legalName: 'Snickeri Lindqvist AB',
  organisationNumber: '556712-3400',
  country: 'SE',
  address: { street: 'Kungsgatan 12', postalCode: '753 21', city: 'Uppsala', country: 'SE' },
  vatNumber: 'SE556712340001',
  endpoint: { scheme: '0007', id: '5567123400' },
  approvedForFTax: true,
};

/** A Swedish company buyer; 25 % and 12 % lines and an öresavrundning. */
export function swedishInvoice(): PeppolInvoiceData {
  return {
    invoiceNumber: 'F-2026-1001',
    issueDate: '2026-11-20',
    dueDate: '2026-12-20',
    deliveryDate: '2026-11-18',
    currency: 'SEK',
    buyerReference: 'Anna Berg',
    seller: swedishClient,
    buyer: {
      kind: 'COMPANY',
      name: 'Byggvaruhuset i Uppsala AB',
      identityNumber: '556123-4567',
      address: { street: 'Industrigatan 4', postalCode: '754 50', city: 'Uppsala', country: 'SE' },
      email: 'ekonomi@byggvaruhuset.example',
      endpoint: { scheme: '0007', id: '5561234567' },
    },
    payee: swedishFactor,
    ...withTotals(
      [
        { description: 'Snickeriarbete, kök', quantity: '12.5', unitPrice: '650.00', vatRatePercent: '25', reverseCharge: false },
        { description: 'Virke och beslag', quantity: '3', unitPrice: '1249.33', vatRatePercent: '25', reverseCharge: false },
        { description: 'Fackbok: Snickra själv', quantity: '1', unitPrice: '199.00', vatRatePercent: '6', reverseCharge: false },
      ],
      '0.24',
    ),
  };
}

/** A Norwegian AS selling to a Norwegian AS: 25 % and 15 %, a KID and an 11-digit account. */
export function norwegianInvoice(): PeppolInvoiceData {
  return {
    invoiceNumber: '20261042',
    issueDate: '2026-11-20',
    dueDate: '2026-12-04',
    deliveryDate: '2026-11-19',
    currency: 'NOK',
    buyerReference: '4500012345',
    seller: {
      legalName: 'Fjordbygg AS',
      organisationNumber: '923456783',
      country: 'NO',
      address: { street: 'Strandkaien 3', postalCode: '5013', city: 'Bergen', country: 'NO' },
      vatNumber: 'NO923456783MVA',
      endpoint: { scheme: '0192', id: '923456783' },
      inForetaksregisteret: true,
    },
    buyer: {
      kind: 'COMPANY',
      name: 'Bergen Eiendom AS',
      identityNumber: '987654325',
      address: { street: 'Bryggen 7', postalCode: '5003', city: 'Bergen', country: 'NO' },
      endpoint: { scheme: '0192', id: '987654325' },
    },
    payee: {
      name: 'Factoring AS (Norge)',
      organisationNumber: '974760673',
      country: 'NO',
      paymentReference: '000000001230',
      account: { kind: 'BANK_ACCOUNT', number: '1503.12.34562', bic: 'NDEANOKK' },
    },
    ...withTotals([
      { description: 'Montering av kjøkken', quantity: '20', unitPrice: '890.00', vatRatePercent: '25', reverseCharge: false },
      { description: 'Servering til befaring', quantity: '4', unitPrice: '187.50', vatRatePercent: '15', reverseCharge: false },
    ]),
  };
}

/** Swedish construction services to a builder: omvänd betalningsskyldighet, both VAT numbers. */
export function reverseChargeInvoice(): PeppolInvoiceData {
  const invoice = swedishInvoice();
  return {
    ...invoice,
    invoiceNumber: 'F-2026-1002',
    buyer: { ...invoice.buyer, name: 'Lindqvist Fastigheter AB', identityNumber: '556234-5677', vatNumber: 'SE556234567701', endpoint: { scheme: '0007', id: '5562345677' } },
    ...withTotals([
      { description: 'Byggtjänst: stomresning, omvänd betalningsskyldighet', quantity: '40', unitPrice: '725.00', vatRatePercent: '25', reverseCharge: true },
      { description: 'Hyra av byggställning', quantity: '1', unitPrice: '4500.00', vatRatePercent: '25', reverseCharge: false },
    ]),
  };
}

/** A ROT deduction for a private person: the tax agency pays 30 % of the labour, the buyer the rest. */
export function rotInvoice(): PeppolInvoiceData {
  const invoice = swedishInvoice();
  const lines: Lines = [
    { description: 'Arbete: byte av fönster (ROT)', quantity: '16', unitPrice: '560.00', vatRatePercent: '25', reverseCharge: false },
    { description: 'Material: fönster', quantity: '2', unitPrice: '3420.00', vatRatePercent: '25', reverseCharge: false },
  ];
  // 30 % of the labour including VAT: 16 x 560 x 1.25 x 0.30 = 3360.00.
  return {
    ...invoice,
    invoiceNumber: 'F-2026-1003',
    buyerReference: 'Rotarbete Dragarbrunnsgatan 8',
    buyer: {
      kind: 'PERSON',
      name: 'Eva Nilsson',
      identityNumber: '19811218-9876',
      address: { street: 'Dragarbrunnsgatan 8', postalCode: '753 20', city: 'Uppsala', country: 'SE' },
      email: 'eva.nilsson@example.se',
      // Peppol has no participant scheme for a private person (an e-mail address, EM, is refused by
      // PEPPOL-EN16931-CL008): a person is reached only through an intermediary's GLN like this one.
      endpoint: { scheme: '0088', id: '7300010000001' },
    },
    ...withTotals(lines, '0', { kind: 'ROT', amount: '3360.00' }),
  };
}
