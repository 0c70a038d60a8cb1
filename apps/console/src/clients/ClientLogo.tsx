import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { useHasRole } from '../common/roles';
import { Section } from '../common/Section';
import { gql } from '../graphql';
import { mutate } from '../resourceProvider';
import type { ClientLogo as GeneratedClientLogo } from '../generated/schema';
import type { Client } from '../types';
import { useAction } from '../useAction';
import { CLIENT_LOGO, UPLOAD_CLIENT_LOGO } from './logo-queries';

/** The client's logo as the API gives it to staff (apps/api/src/clients/logo), without the client id the page already has. */
export type ClientLogo = Omit<GeneratedClientLogo, 'clientId'>;

/** The API's own limit (LOGO_MAX_BYTES): told before the upload; the API checks it again, and the rest. */
const MAX_BYTES = 256 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The logo its sold invoices print (issue 13), on the client page: the current one, and for an
 * admin an upload of a PNG or JPEG. Refusals (not an image, too large, wrong size) are the API's,
 * in the page's language; a file over the limit is told before it is sent.
 */
export const ClientLogoSection = () => {
  const record = useRecordContext<Client>();
  const admin = useHasRole('ADMIN');
  const translate = useTranslate();
  const notify = useNotify();
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [logo, setLogo] = useState<ClientLogo | null>(null);
  const upload = useCallback((clientId: string, content: string) => mutate<ClientLogo>('uploadClientLogo', UPLOAD_CLIENT_LOGO, { clientId, content }), []);
  const { execute, pending } = useAction(upload, { formHandlesFieldErrors: true });
  const clientId = record?.id;
  useEffect(() => {
    if (!clientId) return;
    let current = true;
    // Read apart from the client: the image is up to 256 KiB, the client page is read often.
    gql<{ client: { logo: ClientLogo | null } }>(CLIENT_LOGO, { id: clientId })
      .then((answer) => current && setLogo(answer.client.logo))
      .catch(() => current && setLogo(null));
    return () => {
      current = false;
    };
  }, [clientId]);
  if (!record) return null;

  const chosen = async (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(translate('console.logo.too_large', { kib: Math.ceil(file.size / 1024), max: MAX_BYTES / 1024 }));
      return;
    }
    const result = await execute(record.id, await readAsDataUrl(file));
    if (result.ok) {
      setLogo(result.value);
      notify('console.logo.uploaded', { type: 'info', messageArgs: { name: record.legalName } });
    } else if (result.message) {
      setError(result.message);
    }
  };

  return (
    <Section
      title="console.logo.title"
      testId="client-logo"
      action={
        admin ? (
          <>
            <input
              ref={input}
              type="file"
              accept="image/png,image/jpeg"
              hidden
              data-testid="client-logo-file"
              aria-label={translate('console.logo.upload')}
              onChange={(event) => void chosen(event.target.files?.[0])}
            />
            <Button label="console.logo.upload" onClick={() => input.current?.click()} disabled={pending} data-testid="client-logo-upload">
              <UploadFileIcon />
            </Button>
          </>
        ) : null
      }
    >
      {logo ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Box
            component="img"
            src={`data:${logo.mediaType};base64,${logo.contentBase64}`}
            alt={translate('console.logo.alt', { name: record.legalName })}
            sx={{ maxWidth: 180, maxHeight: 56, objectFit: 'contain', border: 1, borderColor: 'divider', p: 0.5, bgcolor: 'background.paper' }}
            data-testid="client-logo-image"
          />
          <Typography variant="body2" color="text.secondary">
            {translate('console.logo.facts', {
              type: logo.mediaType === 'image/png' ? 'PNG' : 'JPEG',
              width: logo.width,
              height: logo.height,
              kib: Math.max(1, Math.round(logo.byteSize / 1024)),
              by: logo.uploadedBy,
              at: format.date(logo.uploadedAt),
            })}
          </Typography>
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="client-logo-none">
          {translate('console.logo.none')}
        </Typography>
      )}
      {admin ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('console.logo.rules', { max: MAX_BYTES / 1024 })}
        </Typography>
      ) : null}
      {error ? (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="client-logo-error">
          {error}
        </Alert>
      ) : null}
    </Section>
  );
};
