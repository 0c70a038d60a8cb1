import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { gql } from '../graphql';
import type { VerifiedContactSource } from '../types';
import { useAction } from '../useAction';

/* Issue 9 h: a spot check is confirmed on a contact the analyst found and checked, with where it came from. */

export const VERIFIED_CONTACT_SOURCES: VerifiedContactSource[] = ['PUBLIC_REGISTRY', 'COMPANY_WEBSITE', 'DIRECTORY_SERVICE', 'DEBTOR_DOCUMENT', 'OTHER'];

interface ContactInput {
  phone?: string;
  email?: string;
  source: VerifiedContactSource;
  sourceDetail: string;
}

const recordVerifiedContact = async (debtorId: string, input: ContactInput) =>
  (
    await gql<{ recordVerifiedDebtorContact: { id: string } }>(
      `mutation RecordVerifiedContact($debtorId: ID!, $phone: String, $email: String, $source: VerifiedContactSource!, $sourceDetail: String!) {
        recordVerifiedDebtorContact(debtorId: $debtorId, phone: $phone, email: $email, source: $source, sourceDetail: $sourceDetail) { id }
      }`,
      { debtorId, ...input },
    )
  ).recordVerifiedDebtorContact;

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** Records a contact the analyst verified: the number or address, and exactly where it was found. */
export const RecordVerifiedContactButton = ({ debtorId, variant = 'outlined' }: { debtorId: string; variant?: 'outlined' | 'contained' }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [source, setSource] = useState<VerifiedContactSource>('PUBLIC_REGISTRY');
  const [detail, setDetail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { execute, pending } = useAction((input: ContactInput) => recordVerifiedContact(debtorId, input));
  const close = () => {
    setOpen(false);
    setErrors({});
  };
  const cannotSave = pending || detail.trim() === '' || (phone.trim() === '' && email.trim() === '');
  const save = async () => {
    const result = await execute({ phone: blankToUndefined(phone), email: blankToUndefined(email), source, sourceDetail: detail.trim() });
    if (result.ok) {
      notify('console.verified_contacts.recorded', { type: 'success' });
      close();
      setPhone('');
      setEmail('');
      setDetail('');
      refresh();
    } else if (result.field) {
      setErrors({ [result.field]: result.message ?? '' });
    }
  };
  return (
    <>
      <Button label="console.verified_contacts.record" variant={variant} onClick={() => setOpen(true)} data-testid="verified-contact-record">
        <VerifiedUserIcon />
      </Button>
      {/* A form, so Enter in a field saves, as the button would (issue 11, section 6). */}
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth="sm"
        slotProps={{
          paper: {
            component: 'form',
            onSubmit: (event: FormEvent) => {
              event.preventDefault();
              if (!cannotSave) void save();
            },
          },
        }}
      >
        <DialogTitle>{translate('console.verified_contacts.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.verified_contacts.explain')}</DialogContentText>
          <Stack spacing={2}>
            <TextField
              autoFocus
              label={translate('console.contact.phone')}
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
              error={!!errors.phone}
              helperText={errors.phone}
              slotProps={{ htmlInput: { 'data-testid': 'verified-contact-phone' } }}
            />
            <TextField
              label={translate('console.contact.email')}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={!!errors.email}
              helperText={errors.email}
              slotProps={{ htmlInput: { 'data-testid': 'verified-contact-email' } }}
            />
            <TextField
              select
              label={translate('console.verified_contacts.source')}
              value={source}
              onChange={(event) => setSource(event.target.value as VerifiedContactSource)}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'verified-contact-source' } as object } }}
            >
              {VERIFIED_CONTACT_SOURCES.map((value) => (
                <MenuItem key={value} value={value} data-testid={`verified-contact-source-${value}`}>
                  {translate(`console.verified_contacts.sources.${value}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              required
              label={translate('console.verified_contacts.source_detail')}
              placeholder={translate(`console.verified_contacts.detail_examples.${source}`)}
              value={detail}
              onChange={(event) => setDetail(event.target.value)}
              error={!!errors.sourceDetail}
              helperText={errors.sourceDetail ?? translate('console.verified_contacts.source_detail_help')}
              slotProps={{ htmlInput: { 'data-testid': 'verified-contact-detail' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton type="submit" variant="contained" disabled={cannotSave} data-testid="verified-contact-save"
          >
            {translate('ra.action.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
