// Form 03: refusal to receive and process the dossier (Phiếu từ chối tiếp nhận giải quyết hồ sơ).
import { field, fieldPair, formNumber, list, nationalHeader, title } from "./blocks";
import { formatPlaceDate } from "./format";
import { labels as allLabels } from "./labels";
import { A4_PORTRAIT, createComposer, OFFICIAL_MARGINS, type Run } from "./layout";
import { procedureText } from "./shared";
import { type TRefusal, ZRefusalSchema } from "./schema";

export async function renderRefusal(input: TRefusal): Promise<Uint8Array> {
  const dto = ZRefusalSchema.parse(input);
  const l = allLabels[dto.locale];
  const c = await createComposer({
    title: dto.dossierCode ? `${l.refusal.title} ${dto.dossierCode}` : l.refusal.title,
    subject: l.formNumber(3),
    pageSize: A4_PORTRAIT,
    margins: OFFICIAL_MARGINS,
  });

  formNumber(c, l.formNumber(3));
  nationalHeader(c, { agency: dto.agency, labels: l, placeDate: formatPlaceDate(dto.agency.place, dto.issuedAt, dto.locale) });
  const below: Run[][] = dto.dossierCode ? [[{ text: `${l.dossierCode} ` }, { text: dto.dossierCode, bold: true }]] : [];
  title(c, l.refusal.title, below);

  c.paragraph([{ text: `${l.refusal.receivedFrom(dto.agency.name)} ` }, { text: dto.applicant.name, bold: true }], { align: "justify", spaceAfter: 1 });
  field(c, l.applicantId, dto.applicant.idNumber);
  field(c, l.address, dto.applicant.address);
  fieldPair(c, [l.phone, dto.applicant.phone], [l.email, dto.applicant.email]);
  field(c, l.requestContent, procedureText(dto.procedure, l));

  c.paragraph(l.refusal.intro(dto.agency.name), { align: "justify", indent: 18, spaceBefore: 4, spaceAfter: 2 });
  list(c, dto.reasons, { marker: dto.reasons.length > 1 ? "number" : "dash" });
  c.paragraph(l.refusal.closing, { indent: 18, spaceBefore: 4 });

  c.gap(14);
  c.signatures([{ titleLines: [l.refusal.receiver], hint: l.signHint, name: dto.officer.name }]);
  return c.save();
}
