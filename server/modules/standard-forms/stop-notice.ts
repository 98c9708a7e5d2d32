// Form 05: notice of stopping the processing of a dossier (Thông báo dừng giải quyết hồ sơ).
import { formNumber, letterFooter, nationalHeader, title } from "./blocks";
import { formatDate, formatPlaceDate } from "./format";
import { labels as allLabels } from "./labels";
import { A4_PORTRAIT, createComposer, OFFICIAL_MARGINS } from "./layout";
import { type TStopNotice, ZStopNoticeSchema } from "./schema";

export async function renderStopNotice(input: TStopNotice): Promise<Uint8Array> {
  const dto = ZStopNoticeSchema.parse(input);
  const l = allLabels[dto.locale];
  const c = await createComposer({
    title: `${l.stop.title} ${l.stop.subtitle.toLowerCase()} ${dto.dossierCode}`,
    subject: l.formNumber(5),
    pageSize: A4_PORTRAIT,
    margins: OFFICIAL_MARGINS,
  });

  formNumber(c, l.formNumber(5));
  nationalHeader(c, {
    agency: dto.agency,
    labels: l,
    showNumber: true,
    documentNumber: dto.documentNumber,
    placeDate: formatPlaceDate(dto.agency.place, dto.issuedAt, dto.locale),
  });
  title(c, l.stop.title, [[{ text: l.stop.subtitle, bold: true }]]);

  c.paragraph([{ text: `${l.dearPrefix} ` }, { text: l.addressee(dto.applicant.name), bold: true }], { align: "center", spaceAfter: 10 });
  const body = { align: "justify" as const, indent: 28, spaceAfter: 5 };
  c.paragraph(l.stop.received(formatDate(dto.receivedAt, dto.locale), dto.agency.name, dto.procedure.name, dto.dossierCode), body);
  if (dto.legalBasis) c.paragraph(l.stop.legalBasis(dto.legalBasis), body);
  c.paragraph(l.stop.notice(dto.agency.name, formatDate(dto.stoppedAt ?? dto.issuedAt, dto.locale), dto.reason), body);
  c.paragraph(l.stop.closing, body);

  letterFooter(c, l, dto.recipients, dto.signer);
  return c.save();
}
