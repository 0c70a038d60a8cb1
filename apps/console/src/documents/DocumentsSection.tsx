import DownloadIcon from '@mui/icons-material/Download';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Button, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { base64Bytes, downloadBase64 } from '../common/download';
import { Section } from '../common/Section';
import { useFormat } from '../common/format';
import { useAction } from '../useAction';
import { documentContent, documentsOf, issueDocument, type DocumentKind, type DocumentLanguage, type DocumentSummary, type IssueDocumentInput } from './queries';

const PERIOD_KINDS: readonly string[] = ['SALES_REPORT', 'ACCOUNT_STATEMENT'];
const LANGUAGES: DocumentLanguage[] = ['SV', 'NB', 'EN'];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The documents of an invoice or a client (issue 13, s.4): each with a preview (the PDF in a
 * frame, from a blob URL of the bytes the API sent) and a download, and a way to make one
 * (or find the one already made from the same data: the API keeps each document once).
 */
export const DocumentsSection = ({ invoiceId, clientId, kinds }: { invoiceId?: string; clientId?: string; kinds: DocumentKind[] }) => {
  const translate = useTranslate();
  const format = useFormat();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const subject = invoiceId ? { invoiceId } : { clientId };
  const queryKey = ['documents', subject];
  const documents = useQuery({ queryKey, queryFn: ({ signal }) => documentsOf(subject, signal) });
  const [preview, setPreview] = useState<DocumentSummary | null>(null);

  const [kind, setKind] = useState<DocumentKind>(kinds[0]);
  const [language, setLanguage] = useState<DocumentLanguage | ''>('');
  const today = new Date();
  const [periodFrom, setPeriodFrom] = useState(isoDay(new Date(today.getFullYear(), today.getMonth(), 1)));
  const [periodTo, setPeriodTo] = useState(isoDay(today));
  const run = useCallback((input: IssueDocumentInput) => issueDocument(input), []);
  const { execute, pending } = useAction(run);
  const period = PERIOD_KINDS.includes(kind);

  const issue = async () => {
    const result = await execute({ kind, ...subject, ...(period ? { periodFrom, periodTo } : {}), ...(language ? { language } : {}) });
    if (!result.ok) return;
    notify('console.documents.issued', { type: 'info', messageArgs: { file: result.value.fileName } });
    await queryClient.invalidateQueries({ queryKey: ['documents'] });
    setPreview(result.value);
  };

  const save = async (document: DocumentSummary) => {
    try {
      const full = await documentContent(document.id);
      downloadBase64(full.fileName, full.contentBase64, full.mediaType);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };

  const kindLabel = (value: string) => translate(`console.documents.kinds.${value}`, { _: value });

  return (
    <Section title="console.documents.title" testId="documents">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <TextField
          select
          size="small"
          label={translate('console.documents.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as DocumentKind)}
          sx={{ minWidth: 200 }}
          slotProps={{ htmlInput: { 'data-testid': 'document-kind' } }}
        >
          {kinds.map((option) => (
            <MenuItem key={option} value={option}>
              {kindLabel(option)}
            </MenuItem>
          ))}
        </TextField>
        {period && (
          <>
            <TextField
              type="date"
              size="small"
              label={translate('console.documents.period_from')}
              value={periodFrom}
              onChange={(event) => setPeriodFrom(event.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'document-period-from' } }}
            />
            <TextField
              type="date"
              size="small"
              label={translate('console.documents.period_to')}
              value={periodTo}
              onChange={(event) => setPeriodTo(event.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'document-period-to' } }}
            />
          </>
        )}
        <TextField
          select
          size="small"
          label={translate('console.documents.language')}
          value={language}
          onChange={(event) => setLanguage(event.target.value as DocumentLanguage | '')}
          sx={{ minWidth: 170 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'document-language' } }}
        >
          <MenuItem value="">{translate('console.documents.language_auto')}</MenuItem>
          {LANGUAGES.map((option) => (
            <MenuItem key={option} value={option}>
              {translate(`console.documents.languages.${option}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button label="console.documents.issue" variant="outlined" disabled={pending} onClick={issue} data-testid="document-issue">
          <NoteAddIcon />
        </Button>
      </Stack>

      {documents.isPending ? null : !documents.data?.length ? (
        <Typography variant="body2" color="text.secondary" data-testid="documents-none">
          {translate('console.documents.none')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="documents-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('console.documents.kind')}</TableCell>
                <TableCell>{translate('console.documents.period')}</TableCell>
                <TableCell>{translate('console.documents.language')}</TableCell>
                <TableCell>{translate('console.documents.made')}</TableCell>
                <TableCell align="right">{translate('console.documents.size')}</TableCell>
                <TableCell align="right">
                  <Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                    {translate('console.documents.actions')}
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {documents.data.map((document) => (
                <TableRow key={document.id} data-testid={`document-${document.kind}`}>
                  <TableCell>
                    {kindLabel(document.kind)}
                    <Typography variant="caption" component="div" color="text.secondary" sx={{ fontFamily: 'monospace' }} title={document.sha256}>
                      {document.fileName}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{document.periodFrom ? `${format.date(document.periodFrom)} – ${format.date(document.periodTo)}` : '—'}</TableCell>
                  <TableCell>{translate(`console.documents.languages.${document.language}`)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(document.createdAt)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {translate('console.documents.kilobytes', { size: Math.max(1, Math.round(document.byteSize / 1024)) })}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title={translate('console.documents.preview')}>
                      <IconButton size="small" aria-label={`${translate('console.documents.preview')}: ${document.fileName}`} onClick={() => setPreview(document)} data-testid="document-preview">
                        <VisibilityIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={translate('console.documents.download')}>
                      <IconButton size="small" aria-label={`${translate('console.documents.download')}: ${document.fileName}`} onClick={() => save(document)} data-testid="document-download">
                        <DownloadIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {preview && <Preview document={preview} title={kindLabel(preview.kind)} onClose={() => setPreview(null)} onSave={() => save(preview)} />}
    </Section>
  );
};

/** The PDF in a frame, from a blob URL of its bytes (revoked when the preview closes). */
const Preview = ({ document, title, onClose, onSave }: { document: DocumentSummary; title: string; onClose: () => void; onSave: () => void }) => {
  const translate = useTranslate();
  const content = useQuery({ queryKey: ['documentContent', document.id], queryFn: () => documentContent(document.id), staleTime: Infinity });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!content.data) return undefined;
    const made = URL.createObjectURL(new Blob([base64Bytes(content.data.contentBase64) as BlobPart], { type: content.data.mediaType }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [content.data]);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="document-preview-title" data-testid="document-preview-dialog">
      <DialogTitle id="document-preview-title">
        {title} · {document.fileName}
      </DialogTitle>
      <DialogContent sx={{ height: '75vh', p: 0 }}>
        {content.isError ? (
          <Typography sx={{ p: 2 }} color="error">
            {content.error instanceof Error ? content.error.message : translate('ra.notification.http_error')}
          </Typography>
        ) : url ? (
          <Box component="iframe" title={`${title} ${document.fileName}`} src={url} sx={{ border: 0, width: '100%', height: '100%' }} data-testid="document-frame" />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button label="console.documents.download" onClick={onSave}>
          <DownloadIcon />
        </Button>
        <Button label="ra.action.close" onClick={onClose} />
      </DialogActions>
    </Dialog>
  );
};

/** On the invoice page: the invoice sent to the debtor and the client's receipt. */
export const InvoiceDocuments = () => {
  const record = useRecordContext<{ id: string }>();
  return record ? <DocumentsSection invoiceId={String(record.id)} kinds={['SOLD_INVOICE', 'INVOICE_RECEIPT']} /> : null;
};

/** On the client page: its reports and statements of a period, and every document of its invoices. */
export const ClientDocuments = () => {
  const record = useRecordContext<{ id: string }>();
  return record ? <DocumentsSection clientId={String(record.id)} kinds={['ACCOUNT_STATEMENT', 'SALES_REPORT']} /> : null;
};
