/**
 * The words of the collection queue, the aging chart and the follow-up's timeline steps in en, sv
 * and nb (issue 15 s.1-2, s.8), kept beside the screens and merged into each language's catalogue
 * by i18n/index.ts.
 */
const en = {
  console: {
    home: { queues: { OVERDUE_INVOICES: 'Overdue invoices' } },
    documents: { kinds: { PAYMENT_REMINDER: 'Reminder to the debtor' } },
    // The agreement's approval terms (seed 003), shown on the client's agreement.
    agreement: {
      fields: {
        lateInterestInvoiceNeedsClientApproval: "Late interest needs the client's approval",
        collectionHandoffNeedsClientApproval: "Handoff to collection needs the client's approval",
      },
      approval_needed: { true: 'Yes: the follow-up waits for it', false: 'No' },
    },
    overdue: {
      chart_title: 'Owed on bought invoices, by days past due',
      chart_of: 'Owed in %{currency} by days past due',
      nothing_owed: 'Nothing is owed on bought invoices.',
      age: 'Days past due',
      count: 'Invoices',
      owed: 'Owed',
      owed_parts: 'Principal %{principal}, fees %{fees}, interest %{interest}',
      invoices: '%{smart_count} invoice |||| %{smart_count} invoices',
      days: '%{smart_count} day |||| %{smart_count} days',
      buckets: { CURRENT: 'Not yet due', DAYS_1_30: '1-30 days', DAYS_31_60: '31-60 days', DAYS_61_90: '61-90 days', OVER_90: 'Over 90 days' },
      steps: { REMINDER: 'Reminder', SECOND_REMINDER: 'Second reminder', COLLECTION_WARNING: 'Collection warning', COLLECTION: 'Ready for collection' },
      next_steps: {
        REMINDER: 'Reminder',
        SECOND_REMINDER: 'Second reminder',
        COLLECTION_WARNING: 'Collection warning',
        COLLECTION: 'Ready for collection',
        HANDOFF: 'Hand over to collection',
        HELD_DISPUTED: 'Held: disputed',
        WITH_COLLECTION: 'With collection: see the case',
      },
      client_approval: {
        ASKED: "%{what}: waiting for the client's approval since %{since}",
        DECLINED: '%{what}: declined by the client',
        kinds: { LATE_INTEREST_INVOICE: 'Late interest', COLLECTION_HANDOFF: 'Handoff' },
        record_approved: 'Approved by phone',
        record_declined: 'Declined by phone',
        record_title: "%{what}: the client's answer by phone",
        record_content: "Record the client's answer as it was given; it is final, and the client is told.",
        how: 'How and by whom (e.g. by phone with the CFO)',
        recorded: "The client's answer is recorded",
      },
    },
    timeline_words: {
      steps: {
        COLLECTION_REMINDER_SENT: 'Reminder sent to the debtor',
        COLLECTION_SECOND_REMINDER_SENT: 'Second reminder sent to the debtor',
        COLLECTION_WARNING_SENT: 'Collection warning (inkassovarsel) sent to the debtor',
        COLLECTION_READY: 'Ready for collection: the reminders are done',
        COLLECTION_LETTER_CHARGED: 'Letter sent: its fee and late interest charged',
        COLLECTION_REMINDER_MADE: 'Reminder made: to be sent to the debtor',
        COLLECTION_SECOND_REMINDER_MADE: 'Second reminder made: to be sent to the debtor',
        COLLECTION_WARNING_MADE: 'Collection warning (inkassovarsel) made: to be sent to the debtor',
        COLLECTION_ROUTINE_SET: 'Collection routine recorded, as the client decided',
      },
      fields: { sentOn: 'Sent on', fellDueOn: 'Due by the routine', caughtUp: 'Caught up after a missed day', payBy: 'Pay by', fee: 'Fee', interest: 'Late interest', principal: 'Principal owed', validFrom: 'From', firstReminderDays: 'Reminder after (days)', secondStepDays: 'Second step after (days)', collectionDays: 'Collection after (days)', minDaysBetweenSteps: 'Days between letters', graceBankDays: 'Grace (bank days)' },
      reasons: {
        FEE_CHARGED: 'Fee for the letter sent',
        FEE_LATE_PAYMENT_COMPENSATION: 'Compensation for late payment (business debtor), instead of fees',
        FEE_NONE_FOR_STEP: 'This step carries no fee',
        FEE_REFUSED_NOT_SENT: 'No fee: the letter was not sent',
        FEE_REFUSED_NOT_AGREED: 'No reminder fee: not agreed when the debt arose',
        FEE_REFUSED_TOO_EARLY: 'No fee: sent less than 14 days after the due date',
        FEE_REFUSED_ONE_PER_CLAIM: 'No fee: already charged once on this claim',
        FEE_EXCLUDED_BY_COMPENSATION: 'No fee: the compensation already charged covers it',
      },
    },
  },
  resources: {
    'overdue-invoices': {
      name: 'Overdue invoice |||| Overdue invoices',
      fields: {
        daysOverdue: 'Overdue',
        ageBucket: 'Age',
        openTotal: 'Owed',
        clientName: 'Client',
        debtorName: 'Debtor',
        invoiceNumber: 'Invoice',
        lastStep: 'Last step',
        nextStep: 'Next step',
        bucket: 'Age',
        country: 'Country',
      },
    },
  },
};

type Messages = typeof en;

const sv: Messages = {
  console: {
    home: { queues: { OVERDUE_INVOICES: 'Förfallna fakturor' } },
    documents: { kinds: { PAYMENT_REMINDER: 'Påminnelse till fakturamottagaren' } },
    agreement: {
      fields: {
        lateInterestInvoiceNeedsClientApproval: 'Dröjsmålsränta kräver kundens godkännande',
        collectionHandoffNeedsClientApproval: 'Överlämning till inkasso kräver kundens godkännande',
      },
      approval_needed: { true: 'Ja: uppföljningen väntar på det', false: 'Nej' },
    },
    overdue: {
      chart_title: 'Obetalt på köpta fakturor, efter dagar efter förfallodagen',
      chart_of: 'Obetalt i %{currency} efter dagar efter förfallodagen',
      nothing_owed: 'Inget är obetalt på köpta fakturor.',
      age: 'Dagar efter förfallodagen',
      count: 'Fakturor',
      owed: 'Obetalt',
      owed_parts: 'Kapital %{principal}, avgifter %{fees}, ränta %{interest}',
      invoices: '%{smart_count} faktura |||| %{smart_count} fakturor',
      days: '%{smart_count} dag |||| %{smart_count} dagar',
      buckets: { CURRENT: 'Ej förfallet', DAYS_1_30: '1–30 dagar', DAYS_31_60: '31–60 dagar', DAYS_61_90: '61–90 dagar', OVER_90: 'Över 90 dagar' },
      steps: { REMINDER: 'Påminnelse', SECOND_REMINDER: 'Andra påminnelsen', COLLECTION_WARNING: 'Inkassovarsel', COLLECTION: 'Klar för inkasso' },
      next_steps: {
        REMINDER: 'Påminnelse',
        SECOND_REMINDER: 'Andra påminnelsen',
        COLLECTION_WARNING: 'Inkassovarsel',
        COLLECTION: 'Klar för inkasso',
        HANDOFF: 'Lämna till inkasso',
        HELD_DISPUTED: 'Vilar: bestridd',
        WITH_COLLECTION: 'Hos inkasso: se ärendet',
      },
      client_approval: {
        ASKED: '%{what}: väntar på kundens godkännande sedan %{since}',
        DECLINED: '%{what}: avböjt av kunden',
        kinds: { LATE_INTEREST_INVOICE: 'Dröjsmålsränta', COLLECTION_HANDOFF: 'Överlämning' },
        record_approved: 'Godkänt per telefon',
        record_declined: 'Avböjt per telefon',
        record_title: '%{what}: kundens svar per telefon',
        record_content: 'Registrera kundens svar som det lämnades; det är slutgiltigt och kunden underrättas.',
        how: 'Hur och av vem (t.ex. per telefon med ekonomichefen)',
        recorded: 'Kundens svar är registrerat',
      },
    },
    timeline_words: {
      steps: {
        COLLECTION_REMINDER_SENT: 'Påminnelse skickad till fakturamottagaren',
        COLLECTION_SECOND_REMINDER_SENT: 'Andra påminnelsen skickad till fakturamottagaren',
        COLLECTION_WARNING_SENT: 'Inkassovarsel skickat till fakturamottagaren',
        COLLECTION_READY: 'Klar för inkasso: påminnelserna är gjorda',
        COLLECTION_LETTER_CHARGED: 'Brevet skickat: dess avgift och dröjsmålsränta debiterade',
        COLLECTION_REMINDER_MADE: 'Påminnelse gjord: skickas till fakturamottagaren',
        COLLECTION_SECOND_REMINDER_MADE: 'Andra påminnelsen gjord: skickas till fakturamottagaren',
        COLLECTION_WARNING_MADE: 'Inkassovarsel gjort: skickas till fakturamottagaren',
        COLLECTION_ROUTINE_SET: 'Inkassorutin registrerad, som klienten bestämt',
      },
      fields: { sentOn: 'Skickat', fellDueOn: 'Enligt rutinen', caughtUp: 'Ikapptaget efter en missad dag', payBy: 'Betala senast', fee: 'Avgift', interest: 'Dröjsmålsränta', principal: 'Kvar av kapitalet', validFrom: 'Från', firstReminderDays: 'Påminnelse efter (dagar)', secondStepDays: 'Andra steget efter (dagar)', collectionDays: 'Inkasso efter (dagar)', minDaysBetweenSteps: 'Dagar mellan breven', graceBankDays: 'Anstånd (bankdagar)' },
      reasons: {
        FEE_CHARGED: 'Avgift för det skickade brevet',
        FEE_LATE_PAYMENT_COMPENSATION: 'Förseningsersättning (näringsidkare) i stället för avgifter',
        FEE_NONE_FOR_STEP: 'Steget har ingen avgift',
        FEE_REFUSED_NOT_SENT: 'Ingen avgift: brevet skickades inte',
        FEE_REFUSED_NOT_AGREED: 'Ingen påminnelseavgift: den avtalades inte när skulden uppkom',
        FEE_REFUSED_TOO_EARLY: 'Ingen avgift: skickat mindre än 14 dagar efter förfallodagen',
        FEE_REFUSED_ONE_PER_CLAIM: 'Ingen avgift: redan uttagen en gång för fordran',
        FEE_EXCLUDED_BY_COMPENSATION: 'Ingen avgift: förseningsersättningen täcker den',
      },
    },
  },
  resources: {
    'overdue-invoices': {
      name: 'Förfallen faktura |||| Förfallna fakturor',
      fields: {
        daysOverdue: 'Försenad',
        ageBucket: 'Ålder',
        openTotal: 'Obetalt',
        clientName: 'Kund',
        debtorName: 'Fakturamottagare',
        invoiceNumber: 'Faktura',
        lastStep: 'Senaste steg',
        nextStep: 'Nästa steg',
        bucket: 'Ålder',
        country: 'Land',
      },
    },
  },
};

const nb: Messages = {
  console: {
    home: { queues: { OVERDUE_INVOICES: 'Forfalte fakturaer' } },
    documents: { kinds: { PAYMENT_REMINDER: 'Purring til fakturamottakeren' } },
    agreement: {
      fields: {
        lateInterestInvoiceNeedsClientApproval: 'Forsinkelsesrente krever kundens godkjenning',
        collectionHandoffNeedsClientApproval: 'Overlevering til inkasso krever kundens godkjenning',
      },
      approval_needed: { true: 'Ja: oppfølgingen venter på den', false: 'Nei' },
    },
    overdue: {
      chart_title: 'Utestående på kjøpte fakturaer, etter dager etter forfall',
      chart_of: 'Utestående i %{currency} etter dager etter forfall',
      nothing_owed: 'Ingenting er utestående på kjøpte fakturaer.',
      age: 'Dager etter forfall',
      count: 'Fakturaer',
      owed: 'Utestående',
      owed_parts: 'Hovedstol %{principal}, gebyrer %{fees}, renter %{interest}',
      invoices: '%{smart_count} faktura |||| %{smart_count} fakturaer',
      days: '%{smart_count} dag |||| %{smart_count} dager',
      buckets: { CURRENT: 'Ikke forfalt', DAYS_1_30: '1–30 dager', DAYS_31_60: '31–60 dager', DAYS_61_90: '61–90 dager', OVER_90: 'Over 90 dager' },
      steps: { REMINDER: 'Purring', SECOND_REMINDER: 'Andre purring', COLLECTION_WARNING: 'Inkassovarsel', COLLECTION: 'Klar for inkasso' },
      next_steps: {
        REMINDER: 'Purring',
        SECOND_REMINDER: 'Andre purring',
        COLLECTION_WARNING: 'Inkassovarsel',
        COLLECTION: 'Klar for inkasso',
        HANDOFF: 'Overlever til inkasso',
        HELD_DISPUTED: 'Stanset: bestridt',
        WITH_COLLECTION: 'Hos inkasso: se saken',
      },
      client_approval: {
        ASKED: '%{what}: venter på kundens godkjenning siden %{since}',
        DECLINED: '%{what}: avslått av kunden',
        kinds: { LATE_INTEREST_INVOICE: 'Forsinkelsesrente', COLLECTION_HANDOFF: 'Overlevering' },
        record_approved: 'Godkjent på telefon',
        record_declined: 'Avslått på telefon',
        record_title: '%{what}: kundens svar på telefon',
        record_content: 'Registrer kundens svar slik det ble gitt; det er endelig, og kunden blir varslet.',
        how: 'Hvordan og av hvem (f.eks. på telefon med økonomisjefen)',
        recorded: 'Kundens svar er registrert',
      },
    },
    timeline_words: {
      steps: {
        COLLECTION_REMINDER_SENT: 'Purring sendt til fakturamottakeren',
        COLLECTION_SECOND_REMINDER_SENT: 'Andre purring sendt til fakturamottakeren',
        COLLECTION_WARNING_SENT: 'Inkassovarsel sendt til fakturamottakeren',
        COLLECTION_READY: 'Klar for inkasso: purringene er sendt',
        COLLECTION_LETTER_CHARGED: 'Brevet sendt: gebyret og forsinkelsesrenten belastet',
        COLLECTION_REMINDER_MADE: 'Purring laget: sendes til fakturamottakeren',
        COLLECTION_SECOND_REMINDER_MADE: 'Andre purring laget: sendes til fakturamottakeren',
        COLLECTION_WARNING_MADE: 'Inkassovarsel laget: sendes til fakturamottakeren',
        COLLECTION_ROUTINE_SET: 'Inkassorutine registrert, slik klienten bestemte',
      },
      fields: { sentOn: 'Sendt', fellDueOn: 'Etter rutinen', caughtUp: 'Tatt igjen etter en tapt dag', payBy: 'Betal innen', fee: 'Gebyr', interest: 'Forsinkelsesrente', principal: 'Utestående hovedstol', validFrom: 'Fra', firstReminderDays: 'Purring etter (dager)', secondStepDays: 'Andre steg etter (dager)', collectionDays: 'Inkasso etter (dager)', minDaysBetweenSteps: 'Dager mellom brevene', graceBankDays: 'Frist (bankdager)' },
      reasons: {
        FEE_CHARGED: 'Gebyr for brevet som ble sendt',
        FEE_LATE_PAYMENT_COMPENSATION: 'Standardkompensasjon (næringsdrivende) i stedet for gebyrer',
        FEE_NONE_FOR_STEP: 'Steget har ikke noe gebyr',
        FEE_REFUSED_NOT_SENT: 'Ikke noe gebyr: brevet ble ikke sendt',
        FEE_REFUSED_NOT_AGREED: 'Ikke noe purregebyr: det ble ikke avtalt da gjelden oppsto',
        FEE_REFUSED_TOO_EARLY: 'Ikke noe gebyr: sendt mindre enn 14 dager etter forfall',
        FEE_REFUSED_ONE_PER_CLAIM: 'Ikke noe gebyr: allerede belastet én gang for kravet',
        FEE_EXCLUDED_BY_COMPENSATION: 'Ikke noe gebyr: standardkompensasjonen dekker det',
      },
    },
  },
  resources: {
    'overdue-invoices': {
      name: 'Forfalt faktura |||| Forfalte fakturaer',
      fields: {
        daysOverdue: 'Forsinket',
        ageBucket: 'Alder',
        openTotal: 'Utestående',
        clientName: 'Kunde',
        debtorName: 'Fakturamottaker',
        invoiceNumber: 'Faktura',
        lastStep: 'Siste steg',
        nextStep: 'Neste steg',
        bucket: 'Alder',
        country: 'Land',
      },
    },
  },
};

export const overdueMessages = { en, sv, nb };
