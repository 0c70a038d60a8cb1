/**
 * The words of recourse after the due date (issue 15 s.3) in en, sv and nb: the agreement's
 * recourse terms on the client's page, and the timeline steps of buying back, paying and
 * reminding; merged into each language's catalogue by i18n/index.ts.
 */
const en = {
  console: {
    recourse_collection: {
      hand_off: 'Hand to collection',
      handed_off: 'The recourse invoice is with collection.',
      case: 'Collection case',
      with_collection: 'With collection: see the case',
      against_client: 'The client (recourse invoice %{reference})',
      title: 'Collection case of recourse invoice %{reference}',
      no_interest: 'the agreement charges no late interest on a recourse invoice',
    },
    agreement: {
      fields: {
        recourseAfterDays: 'Recourse after the due date',
        recourseInvoiceDaysToPay: 'Days to pay a recourse invoice',
        feesAfterRecourseTo: 'Fees and interest after recourse',
      },
      days: '%{smart_count} day |||| %{smart_count} days',
      fees_after_recourse_to: { FACTOR: 'Kept by the factor', CLIENT: 'Paid on to the client' },
    },
    // A late recourse invoice's reminder: a letter to the client (issue 15 s.3).
    documents: { kinds: { RECOURSE_INVOICE: 'Recourse invoice to the client', RECOURSE_INVOICE_REMINDER: 'Recourse invoice reminder to the client' } },
    deliveries: { kinds: { RECOURSE_INVOICE: 'Recourse invoice', RECOURSE_INVOICE_REMINDER: 'Recourse invoice reminder' } },
    timeline_words: {
      steps: {
        RECOURSE_UNPAID: 'Unpaid after the agreement\'s days past due: bought back by a recourse invoice',
        RECOURSE_INVOICE_REMINDED: 'Recourse invoice overdue: the client was reminded',
        RECOURSE_INVOICE_PAID: 'Recourse invoice paid',
        RECOURSE_INVOICE_PART_PAID: 'Recourse invoice partly paid',
        RECOURSE_DEBTOR_PAID_AFTER_CLIENT: 'The debtor paid after the client: owed back to the client in full',
        RECOURSE_INVOICE_HANDED_TO_COLLECTION: 'Recourse invoice handed to collection: a case against the client',
      },
      fields: { payer: 'Paid by', settled: 'Settled', owedToClient: 'Owed back to the client', recourseAfterDays: 'Days after the due date', daysToPay: 'Days to pay', open: 'Still owed' },
    },
  },
};

const sv = {
  console: {
    recourse_collection: {
      hand_off: 'Lämna till inkasso',
      handed_off: 'Regressfakturan är lämnad till inkasso.',
      case: 'Inkassoärende',
      with_collection: 'Hos inkasso: se ärendet',
      against_client: 'Klienten (regressfaktura %{reference})',
      title: 'Inkassoärende för regressfaktura %{reference}',
      no_interest: 'avtalet tar ingen dröjsmålsränta på en regressfaktura',
    },
    agreement: {
      fields: {
        recourseAfterDays: 'Regress efter förfallodagen',
        recourseInvoiceDaysToPay: 'Betalningstid för regressfaktura',
        feesAfterRecourseTo: 'Avgifter och ränta efter regress',
      },
      days: '%{smart_count} dag |||| %{smart_count} dagar',
      fees_after_recourse_to: { FACTOR: 'Behålls av factoringbolaget', CLIENT: 'Betalas vidare till klienten' },
    },
    documents: { kinds: { RECOURSE_INVOICE: 'Regressfaktura till klienten', RECOURSE_INVOICE_REMINDER: 'Påminnelse om regressfaktura till klienten' } },
    deliveries: { kinds: { RECOURSE_INVOICE: 'Regressfaktura', RECOURSE_INVOICE_REMINDER: 'Påminnelse om regressfaktura' } },
    timeline_words: {
      steps: {
        RECOURSE_UNPAID: 'Obetald efter avtalets dagar efter förfallodagen: återköpt med en regressfaktura',
        RECOURSE_INVOICE_REMINDED: 'Regressfakturan är förfallen: klienten har påmints',
        RECOURSE_INVOICE_PAID: 'Regressfakturan betald',
        RECOURSE_INVOICE_PART_PAID: 'Regressfakturan delvis betald',
        RECOURSE_DEBTOR_PAID_AFTER_CLIENT: 'Fakturamottagaren betalade efter klienten: betalas tillbaka till klienten i sin helhet',
        RECOURSE_INVOICE_HANDED_TO_COLLECTION: 'Regressfakturan lämnad till inkasso: ett ärende mot klienten',
      },
      fields: { payer: 'Betald av', settled: 'Reglerat', owedToClient: 'Återbetalas till klienten', recourseAfterDays: 'Dagar efter förfallodagen', daysToPay: 'Betalningstid (dagar)', open: 'Kvar att betala' },
    },
  },
};

const nb = {
  console: {
    recourse_collection: {
      hand_off: 'Send til inkasso',
      handed_off: 'Regressfakturaen er sendt til inkasso.',
      case: 'Inkassosak',
      with_collection: 'Hos inkasso: se saken',
      against_client: 'Klienten (regressfaktura %{reference})',
      title: 'Inkassosak for regressfaktura %{reference}',
      no_interest: 'avtalen tar ingen forsinkelsesrente på en regressfaktura',
    },
    agreement: {
      fields: {
        recourseAfterDays: 'Regress etter forfallsdato',
        recourseInvoiceDaysToPay: 'Betalingsfrist for regressfaktura',
        feesAfterRecourseTo: 'Gebyrer og renter etter regress',
      },
      days: '%{smart_count} dag |||| %{smart_count} dager',
      fees_after_recourse_to: { FACTOR: 'Beholdes av factoringselskapet', CLIENT: 'Betales videre til klienten' },
    },
    documents: { kinds: { RECOURSE_INVOICE: 'Regressfaktura til klienten', RECOURSE_INVOICE_REMINDER: 'Purring på regressfaktura til klienten' } },
    deliveries: { kinds: { RECOURSE_INVOICE: 'Regressfaktura', RECOURSE_INVOICE_REMINDER: 'Purring på regressfaktura' } },
    timeline_words: {
      steps: {
        RECOURSE_UNPAID: 'Ubetalt etter avtalens dager etter forfall: kjøpt tilbake med en regressfaktura',
        RECOURSE_INVOICE_REMINDED: 'Regressfakturaen er forfalt: klienten er purret',
        RECOURSE_INVOICE_PAID: 'Regressfakturaen betalt',
        RECOURSE_INVOICE_PART_PAID: 'Regressfakturaen delvis betalt',
        RECOURSE_DEBTOR_PAID_AFTER_CLIENT: 'Fakturamottakeren betalte etter klienten: betales tilbake til klienten i sin helhet',
        RECOURSE_INVOICE_HANDED_TO_COLLECTION: 'Regressfakturaen sendt til inkasso: en sak mot klienten',
      },
      fields: { payer: 'Betalt av', settled: 'Oppgjort', owedToClient: 'Tilbakebetales til klienten', recourseAfterDays: 'Dager etter forfall', daysToPay: 'Betalingsfrist (dager)', open: 'Gjenstår' },
    },
  },
};

export const recourseMessages = { en, sv, nb };
