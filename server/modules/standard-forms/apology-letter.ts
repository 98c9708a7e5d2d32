// Form 04: letter of apology proposing an extended date (Văn bản xin lỗi và đề nghị gia hạn thời
// gian giải quyết). An official letter: number and subject under the agency, no separate title.
import { formNumber, letterFooter, nationalHeader } from "./blocks";
import { formatDate, formatDateTime, formatPlaceDate } from "./format";
import { labels as allLabels } from "./labels";
import { A4_PORTRAIT, createComposer, OFFICIAL_MARGINS } from "./layout";
import { type TApologyLetter, ZApologyLetterSchema } from "./schema";

export async function renderApologyLetter(input: TApologyLetter): Promise<Uint8Array> {
  const dto = ZApologyLetterSchema.parse(input);
  const l = allLabels[dto.locale];
  const c = await createComposer({
    title: `${l.apology.title} ${dto.dossierCode}`,
    subject: l.formNumber(4),
    pageSize: A4_PORTRAIT,
    margins: OFFICIAL_MARGINS,
  });

  formNumber(c, l.formNumber(4));
  nationalHeader(c, {
    agency: dto.agency,
    labels: l,
    showNumber: true,
    documentNumber: dto.documentNumber,
    subject: l.apology.subject,
    placeDate: formatPlaceDate(dto.agency.place, dto.issuedAt, dto.locale),
  });

  c.gap(16);
  c.paragraph([{ text: `${l.dearPrefix} ` }, { text: l.addressee(dto.applicant.name), bold: true }], { align: "center", spaceAfter: 10 });
  const body = { align: "justify" as const, indent: 28, spaceAfter: 5 };
  c.paragraph(l.apology.received(formatDate(dto.receivedAt, dto.locale), dto.agency.name, dto.procedure.name, dto.dossierCode), body);
  c.paragraph(l.apology.originalDue(formatDateTime(dto.originalDueAt, dto.locale)), body);
  c.paragraph(l.apology.lateReason(dto.agency.name, dto.reason), body);
  c.paragraph(l.apology.apology(dto.agency.name, formatDateTime(dto.newDueAt, dto.locale)), body);
  c.paragraph(l.apology.thanks, body);

  letterFooter(c, l, dto.recipients, dto.signer);
  return c.save();
}
