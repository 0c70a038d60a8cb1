import { Box, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import {
  BooleanInput,
  Create,
  email,
  RadioButtonGroupInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { AccountInputs } from '../clients/AgreementTermsInputs';
import { countryChoices } from '../common/CountryField';
import { useSavedNotice } from '../common/savedNotice';
import { ScrollToFirstError } from '../common/ScrollToFirstError';
import { ACCOUNT_KINDS_BY_COUNTRY, COMPANY_FORMS, type ClientApplication, type Country } from '../types';
import { registryStatusChoices } from './fields';

const grid = { display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' }, width: '100%' } as const;

const Heading = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 2, mb: 0.5 }}>
      {translate(text)}
    </Typography>
  );
};

/**
 * The country decides the company forms (SE: AB, EF, HB, KB; NO: ENK, AS, ASA, DA, ANS)
 * and the kinds of account; switching it resets what no longer fits.
 */
const FollowCountry = () => {
  const { setValue, getValues } = useFormContext();
  const country = useWatch({ name: 'country' }) as Country;
  const previous = useRef(country);
  useEffect(() => {
    if (previous.current === country) return;
    previous.current = country;
    if (!COMPANY_FORMS[country].includes(getValues('companyForm'))) setValue('companyForm', COMPANY_FORMS[country][0]);
    if (!getValues('address.country') || getValues('address.country') !== country) setValue('address.country', country);
    for (const field of ['payoutAccount.kind', 'repaymentAccount.kind']) {
      if (!ACCOUNT_KINDS_BY_COUNTRY[country].includes(getValues(field))) setValue(field, ACCOUNT_KINDS_BY_COUNTRY[country][0]);
    }
  }, [country, getValues, setValue]);
  return null;
};

const CompanyFormInput = () => {
  const country = (useWatch({ name: 'country' }) as Country) ?? 'SE';
  return (
    <SelectInput
      source="companyForm"
      choices={COMPANY_FORMS[country].map((id) => ({ id, name: id }))}
      validate={required()}
      helperText="console.applications.company_form_hint"
    />
  );
};

const Accounts = () => {
  const country = (useWatch({ name: 'country' }) as Country) ?? 'SE';
  const same = useWatch({ name: 'repaymentSameAsPayout' }) as boolean;
  return (
    <Box sx={{ width: '100%' }}>
      <AccountInputs source="payoutAccount" country={country} label="console.agreement.fields.payoutAccount" />
      <BooleanInput source="repaymentSameAsPayout" label="console.applications.repayment_same" helperText={false} />
      {same ? null : <AccountInputs source="repaymentAccount" country={country} label="console.agreement.fields.repaymentAccount" />}
    </Box>
  );
};

/**
 * A company's application taken by phone or from a partner form (submitClientApplication).
 * The rules refuse at once what can never pass (bankrupt, in liquidation); the rest joins the
 * queue. The API names the field it refuses (a wrong check digit, a form the country does
 * not have) and the message appears under it.
 */
export const ApplicationCreate = () => {
  const saved = useSavedNotice<ClientApplication>('console.applications.created', (record) => record.legalName, 'show');
  return (
  <Create redirect="show" mutationOptions={saved}>
    <SimpleForm
      noValidate
      sx={{ maxWidth: 760 }}
      defaultValues={{
        country: 'SE',
        companyForm: 'AB',
        registryStatus: 'ACTIVE',
        address: { country: 'SE' },
        payoutAccount: { kind: 'SE_BANKGIRO' },
        repaymentAccount: { kind: 'SE_BANKGIRO' },
        repaymentSameAsPayout: true,
      }}
    >
      <ScrollToFirstError />
      <FollowCountry />
      <Heading text="console.applications.company" />
      <RadioButtonGroupInput source="country" choices={countryChoices} validate={required()} />
      <Box sx={grid}>
        <TextInput source="organisationNumber" validate={required()} helperText="console.applications.org_number_hint" />
        <TextInput source="legalName" validate={required()} helperText={false} />
        <CompanyFormInput />
        <SelectInput source="registryStatus" choices={registryStatusChoices} validate={required()} helperText="console.applications.registry_hint" />
        <TextInput source="accountingProgram" helperText="console.applications.accounting_program_hint" />
      </Box>
      <Heading text="console.applications.address" />
      <Box sx={grid}>
        <TextInput source="address.street" label="console.address.street" validate={required()} helperText={false} />
        <TextInput source="address.postalCode" label="console.address.postalCode" validate={required()} helperText={false} />
        <TextInput source="address.city" label="console.address.city" validate={required()} helperText={false} />
        <TextInput source="address.country" label="console.address.country" validate={required()} helperText="console.address.country_hint" />
      </Box>
      <Heading text="console.applications.contact" />
      <Box sx={grid}>
        <TextInput source="contact.name" label="console.contact.name" validate={required()} helperText={false} />
        <TextInput source="contact.email" label="console.contact.email" type="email" validate={[required(), email()]} helperText={false} />
        <TextInput source="contact.phone" label="console.contact.phone" helperText="console.contact.phone_hint" />
      </Box>
      <Heading text="console.applications.accounts" />
      <Accounts />
    </SimpleForm>
  </Create>
  );
};
