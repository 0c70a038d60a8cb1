import { PDFDocument } from 'pdf-lib';

/** One PDF of the day's letters, in the given order, each document's pages whole (issue 13 s.3). */
export async function concatenatePdfs(documents: Buffer[]): Promise<{ bytes: Buffer; pageCount: number }> {
  const batch = await PDFDocument.create();
  // Fixed dates and producer, so the same letters make the same bytes.
  const epoch = new Date('2000-01-01T00:00:00Z');
  batch.setCreationDate(epoch);
  batch.setModificationDate(epoch);
  batch.setProducer('factoring print batch');
  batch.setCreator('factoring print batch');
  for (const bytes of documents) {
    const source = await PDFDocument.load(bytes);
    const pages = await batch.copyPages(source, source.getPageIndices());
    for (const page of pages) batch.addPage(page);
  }
  const out = Buffer.from(await batch.save({ useObjectStreams: false }));
  return { bytes: out, pageCount: batch.getPageCount() };
}
