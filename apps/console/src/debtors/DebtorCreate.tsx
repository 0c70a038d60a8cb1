import { Box, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { Create, email, RadioButtonGroupInput, required, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { countryChoices } from '../common/CountryField';
import { AmountInput } from '../common/money/AmountInput';
import { useSavedNotice } from '../common/savedNotice';
import { ScrollToFirstError } from '../common/ScrollToFirstError';
import type { Debtor } from '../types';
import { debtorKindChoices } from './fields';

const grid = { display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' }, width: '100%' } as const;

const Heading = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 2, mb: 0.5 }}>
      {translate(text)}
    </Typography>
  );
};

/** The address follows the country chosen, unless someone typed another. */
const FollowCountry = () => {
  const { setValue, getValues } = useFormContext();
  const country = useWatch({ name: 'country' }) as string;
  const previous = useRef(country);
  useEffect(() => {
    if (previous.current === country) return;
    if (getValues('address.country') === previous.current) setValue('address.country', country);
    previous.current = country;
  }, [country, getValues, setValue]);
  return null;
};

const IdentityNumberInput = () => {
  const kind = useWatch({ name: 'kind' }) as string;
  return (
    <TextInput
      source="identityNumber"
      label={kind === 'PERSON' ? 'console.debtors.personal_number' : 'console.debtors.org_number'}
      validate={required()}
      helperText={kind === 'PERSON' ? 'console.debtors.personal_number_hint' : 'console.debtors.org_number_hint'}
    />
  );
};

/** The first limit, in the currency of the country chosen. */
const InitialLimitInput = () => {
  const country = useWatch({ name: 'country' }) as string;
  return (
    <AmountInput
      source="creditLimit"
      negativeMessage="console.limits.negative"
      currency={country === 'NO' ? 'NOK' : 'SEK'}
      helperText="console.debtors.initial_limit_hint"
    />
  );
};

/**
 * Registers a debtor (registerDebtor): a company by organisation number or a private person
 * by personal identity number. The limit starts at 0 unless given: nothing is bought from
 * its invoices until an analyst sets one.
 */
export const DebtorCreate = () => {
  const saved = useSavedNotice<Debtor>('console.debtors.created', (record) => record.name, 'show');
  return (
  <Create redirect="show" mutationOptions={saved}>
    <SimpleForm noValidate sx={{ maxWidth: 760 }} defaultValues={{ country: 'SE', kind: 'COMPANY', address: { country: 'SE' }, creditLimit: '0' }}>
      <ScrollToFirstError />
      <FollowCountry />
      <Heading text="console.debtors.who" />
      <Box sx={grid}>
        <RadioButtonGroupInput source="country" choices={countryChoices} validate={required()} />
        <RadioButtonGroupInput source="kind" choices={debtorKindChoices} validate={required()} />
        <IdentityNumberInput />
        <TextInput source="name" validate={required()} helperText={false} />
      </Box>
      <Heading text="console.applications.address" />
      <Box sx={grid}>
        <TextInput source="address.street" label="console.address.street" validate={required()} helperText={false} />
        <TextInput source="address.postalCode" label="console.address.postalCode" validate={required()} helperText={false} />
        <TextInput source="address.city" label="console.address.city" validate={required()} helperText={false} />
        <TextInput source="address.country" label="console.address.country" validate={required()} helperText="console.address.country_hint" />
      </Box>
      <Heading text="console.debtors.contact_and_limit" />
      <Box sx={grid}>
        <TextInput source="email" type="email" validate={email()} helperText={false} />
        <TextInput source="phone" helperText="console.contact.phone_hint" />
        <InitialLimitInput />
      </Box>
    </SimpleForm>
  </Create>
  );
};
