import { execFile } from 'node:child_process';

/**
 * A PDF's text, read back by pdf-parse (pdf.js, Mozilla's reader) in a plain Node process: pdf.js
 * loads its worker with a dynamic import, which Jest's module system does not run. Whitespace
 * (no-break spaces included) is folded to single spaces.
 */
const SCRIPT = `
import { PDFParse } from 'pdf-parse';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
const result = await parser.getText();
await parser.destroy();
process.stdout.write(result.text);
`;

export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', SCRIPT], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf-parse failed: ${stderr || error.message}`));
      else resolve(stdout.replace(/\s+/g, ' '));
    });
    child.stdin!.end(pdf);
  });
}
