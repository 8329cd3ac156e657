// The certificate as a one-page PDF (A4 landscape), drawn with pdf-lib's standard fonts, so the
// file needs nothing but itself. Text those fonts cannot encode is replaced, never dropped silently.
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export interface CertificateFields {
  name: string;
  bankTitle: string;
  score: number;
  passMark: number;
  /** ISO 8601: when the exam was finished. */
  finished: string;
  organisation?: string;
  code: string;
  sessionId: string;
}

const INK = rgb(0.11, 0.14, 0.19);
const DIM = rgb(0.36, 0.39, 0.46);
const ACCENT = rgb(0.12, 0.37, 0.66);

/** Characters the standard fonts (WinAnsi) cannot show become "?"; accented Latin letters stay. */
function encodable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
      try {
        font.encodeText(plain);
        out += plain;
      } catch {
        out += '?';
      }
    }
  }
  return out;
}

function centred(page: PDFPage, font: PDFFont, text: string, y: number, size: number, color = INK, maxWidth = page.getWidth() - 120) {
  const shown = encodable(font, text);
  let s = size;
  while (s > 8 && font.widthOfTextAtSize(shown, s) > maxWidth) s -= 1;
  const width = font.widthOfTextAtSize(shown, s);
  page.drawText(shown, { x: (page.getWidth() - width) / 2, y, size: s, font, color });
}

export function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export async function certificatePdf(fields: CertificateFields, created: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Certificate: ${fields.bankTitle}`);
  doc.setAuthor(fields.organisation ?? 'mot');
  doc.setSubject(`Verification code ${fields.code}`);
  doc.setProducer('mot');
  doc.setCreator('mot certificate');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const page = doc.addPage([841.89, 595.28]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 28, y: 28, width: width - 56, height: height - 56, borderColor: ACCENT, borderWidth: 2 });
  page.drawRectangle({ x: 36, y: 36, width: width - 72, height: height - 72, borderColor: ACCENT, borderWidth: 0.5 });
  let y = height - 110;
  if (fields.organisation) {
    centred(page, bold, fields.organisation, y, 18, ACCENT);
    y -= 48;
  } else y -= 20;
  centred(page, bold, 'Certificate of achievement', y, 34);
  y -= 50;
  centred(page, regular, 'This certifies that', y, 14, DIM);
  y -= 48;
  centred(page, bold, fields.name, y, 30);
  y -= 42;
  centred(page, regular, 'has passed the exam', y, 14, DIM);
  y -= 36;
  centred(page, bold, fields.bankTitle, y, 22, ACCENT);
  y -= 40;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  centred(page, regular, `with a score of ${pct(fields.score)} (pass mark ${pct(fields.passMark)}) on ${longDate(fields.finished)}.`, y, 14);
  centred(page, regular, `Verification code ${fields.code}`, 80, 12, INK);
  centred(page, regular, `Check it with: mot certificate verify ${fields.code}   (session ${fields.sessionId})`, 62, 9, DIM);
  return doc.save();
}
