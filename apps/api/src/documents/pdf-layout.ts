import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { DocumentLanguage } from './document-text';

/**
 * The factor's page (issue 13, s.1) over pdfkit: A4, DejaVu Sans embedded (subset), text that
 * can be selected and read back. Deterministic: the same calls give the same bytes. pdfkit's
 * only changing parts are the info dates (set here from the document's own date, never the
 * clock) and the file id (an MD5 of the info, so fixed with them); the subset's tag is derived
 * from the font's name in the file (F1, F2), not random; the font files come from a pinned
 * package (dejavu-fonts-ttf), not from whatever fonts the machine has.
 */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read once per process. */
function fontFiles() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

export interface PdfMeta {
  title: string;
  /** Who issued it: the factor. */
  author: string;
  subject: string;
  /** The document's own date (YYYY-MM-DD), written as its creation date. */
  date: string;
  language: DocumentLanguage;
}

export interface Column {
  header: string;
  /** A share of the text width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

const INK = '#1f2933';
const MUTED = '#5f6b7a';
const RULE = '#c9d1da';
const ACCENT = '#0b4f6c';

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  private readonly bottom: number;

  constructor(readonly meta: PdfMeta) {
    const at = new Date(`${meta.date}T00:00:00Z`);
    const FONTS = fontFiles();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 48, bottom: 56, left: 50, right: 50 },
      bufferPages: true,
      autoFirstPage: true,
      compress: true,
      lang: meta.language === 'nb' ? 'nb-NO' : meta.language === 'sv' ? 'sv-SE' : 'en',
      displayTitle: true,
      // pdfkit takes the font's bytes as well as a path (its types say only a path).
      font: FONTS.regular as unknown as string,
      info: { Title: meta.title, Author: meta.author, Subject: meta.subject, Creator: meta.author, Producer: 'Factoring back office', CreationDate: at, ModDate: at },
    });
    this.doc.registerFont('regular', FONTS.regular);
    this.doc.registerFont('bold', FONTS.bold);
    this.left = this.doc.page.margins.left;
    this.width = this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
    this.bottom = this.doc.page.height - this.doc.page.margins.bottom;
    this.doc.font('regular').fontSize(9).fillColor(INK);
  }

  get y(): number {
    return this.doc.y;
  }

  /** A new page when less than `height` points are left. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  space(points = 8): void {
    this.doc.y += points;
  }

  title(text: string): void {
    this.doc.font('bold').fontSize(18).fillColor(ACCENT).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(9).fillColor(INK);
    this.space(4);
  }

  heading(text: string): void {
    this.ensureSpace(40);
    this.space(6);
    this.doc.font('bold').fontSize(10.5).fillColor(ACCENT).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(9).fillColor(INK);
    this.space(2);
  }

  paragraph(text: string, options: { muted?: boolean; bold?: boolean; size?: number } = {}): void {
    this.doc
      .font(options.bold ? 'bold' : 'regular')
      .fontSize(options.size ?? 9)
      .fillColor(options.muted ? MUTED : INK)
      .text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(9).fillColor(INK);
  }

  /**
   * Blocks side by side (the parties, the invoice's facts): each a heading and its lines, from
   * the same top; the cursor goes below the tallest.
   */
  columns(blocks: Array<{ heading?: string; lines: Array<string | [string, string]> }>, shares?: number[]): void {
    const top = this.doc.y;
    let lowest = top;
    let x = this.left;
    const gap = 14;
    blocks.forEach((block, i) => {
      const width = (shares?.[i] ?? 1 / blocks.length) * this.width - gap;
      this.doc.y = top;
      if (block.heading) this.doc.font('bold').fontSize(8).fillColor(MUTED).text(block.heading.toUpperCase(), x, this.doc.y, { width, characterSpacing: 0.3 });
      for (const line of block.lines) {
        if (typeof line === 'string') {
          this.doc.font('regular').fontSize(9).fillColor(INK).text(line, x, this.doc.y, { width });
        } else {
          const [label, value] = line;
          const y = this.doc.y;
          const labelWidth = width * 0.48;
          this.doc.font('regular').fontSize(9).fillColor(MUTED).text(label, x, y, { width: labelWidth });
          const afterLabel = this.doc.y;
          this.doc.font('bold').fontSize(9).fillColor(INK).text(value, x + labelWidth, y, { width: width - labelWidth, align: 'right' });
          this.doc.y = Math.max(afterLabel, this.doc.y);
        }
      }
      lowest = Math.max(lowest, this.doc.y);
      x += (shares?.[i] ?? 1 / blocks.length) * this.width;
    });
    this.doc.font('regular').fontSize(9).fillColor(INK);
    this.doc.x = this.left;
    this.doc.y = lowest;
  }

  /** A table with a header row, repeated after a page break; `bold` rows (totals) are set in bold. */
  table(columns: Column[], rows: Array<{ cells: string[]; bold?: boolean; note?: string }>): void {
    const header = () => {
      const y = this.doc.y;
      this.row(columns, columns.map((c) => c.header), { header: true });
      this.rule(y + this.rowHeight(columns, columns.map((c) => c.header)) + 2, RULE);
      this.doc.y += 4;
    };
    this.ensureSpace(40);
    header();
    for (const row of rows) {
      const height = this.rowHeight(columns, row.cells) + (row.note ? 11 : 0);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        header();
      }
      if (row.bold) this.rule(this.doc.y - 2, RULE);
      this.row(columns, row.cells, { bold: row.bold });
      if (row.note) {
        this.doc.font('regular').fontSize(7.5).fillColor(MUTED).text(row.note, this.left + 4, this.doc.y, { width: this.width - 8 });
        this.doc.font('regular').fontSize(9).fillColor(INK);
      }
      this.doc.y += 3;
    }
    this.doc.x = this.left;
  }

  /** A framed box: the payment details, the assignment notice. */
  box(heading: string, lines: string[], options: { strong?: boolean } = {}): void {
    const pad = 8;
    const inner = this.width - 2 * pad;
    this.doc.font('regular').fontSize(9);
    const height = pad * 2 + 14 + lines.reduce((sum, line) => sum + this.doc.heightOfString(line, { width: inner }) + 2, 0);
    this.ensureSpace(height + 6);
    const top = this.doc.y;
    this.doc.save().lineWidth(options.strong ? 1.2 : 0.6).strokeColor(options.strong ? ACCENT : RULE).rect(this.left, top, this.width, height).stroke().restore();
    this.doc.font('bold').fontSize(9.5).fillColor(ACCENT).text(heading, this.left + pad, top + pad, { width: inner });
    this.doc.y += 2;
    for (const line of lines) {
      this.doc.font('regular').fontSize(9).fillColor(INK).text(line, this.left + pad, this.doc.y, { width: inner });
      this.doc.y += 2;
    }
    this.doc.x = this.left;
    this.doc.y = top + height + 6;
  }

  rule(y = this.doc.y, color = RULE): void {
    this.doc.save().lineWidth(0.6).strokeColor(color).moveTo(this.left, y).lineTo(this.left + this.width, y).stroke().restore();
  }

  /** The finished file; `footer` writes each page's foot (page n of m, the issuer). */
  async finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing below the bottom margin would make pdfkit add a page: lift the margin for the foot.
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - margin + 18;
      this.rule(y - 6, RULE);
      this.doc.font('regular').fontSize(7.5).fillColor(MUTED).text(footer(i + 1, range.count), this.left, y, { width: this.width, align: 'center', lineBreak: false });
      this.doc.page.margins.bottom = margin;
    }
    this.doc.end();
    return done;
  }

  private rowHeight(columns: Column[], cells: string[]): number {
    this.doc.font('regular').fontSize(9);
    return Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell || ' ', { width: columns[i].width * this.width - 6 })));
  }

  private row(columns: Column[], cells: string[], options: { header?: boolean; bold?: boolean }): void {
    const y = this.doc.y;
    let x = this.left;
    let lowest = y;
    columns.forEach((column, i) => {
      const width = column.width * this.width;
      this.doc
        .font(options.header || options.bold ? 'bold' : 'regular')
        .fontSize(options.header ? 8 : 9)
        .fillColor(options.header ? MUTED : INK)
        .text(cells[i] ?? '', x + 3, y, { width: width - 6, align: column.align ?? 'left' });
      lowest = Math.max(lowest, this.doc.y);
      x += width;
    });
    this.doc.font('regular').fontSize(9).fillColor(INK);
    this.doc.y = lowest;
  }
}
