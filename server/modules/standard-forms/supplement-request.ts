// Form 02: request to supplement and complete the dossier (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).
import { field, fieldPair, formNumber, list, nationalHeader, title } from "./blocks";
import { formatDate, formatPlaceDate } from "./format";
import { labels as allLabels } from "./labels";
import { A4_PORTRAIT, createComposer, OFFICIAL_MARGINS } from "./layout";
import { procedureText } from "./shared";
import { type TSupplementRequest, ZSupplementRequestSchema } from "./schema";

export async function renderSupplementRequest(input: TSupplementRequest): Promise<Uint8Array> {
  const dto = ZSupplementRequestSchema.parse(input);
  const l = allLabels[dto.locale];
  const c = await createComposer({
    title: `${l.supplement.title} ${dto.dossierCode}`,
    subject: l.formNumber(2),
    pageSize: A4_PORTRAIT,
    margins: OFFICIAL_MARGINS,
  });

  formNumber(c, l.formNumber(2));
  nationalHeader(c, { agency: dto.agency, labels: l, placeDate: formatPlaceDate(dto.agency.place, dto.issuedAt, dto.locale) });
  title(c, l.supplement.title, [[{ text: `${l.dossierCode} ` }, { text: dto.dossierCode, bold: true }]]);

  field(c, l.supplement.dossierOf, dto.applicant.name, { bold: true });
  field(c, l.address, dto.applicant.address);
  fieldPair(c, [l.phone, dto.applicant.phone], [l.email, dto.applicant.email]);
  field(c, l.requestContent, procedureText(dto.procedure, l));

  c.paragraph(l.supplement.intro(dto.agency.name), { align: "justify", spaceBefore: 4, spaceAfter: 2 });
  list(c, dto.items);
  c.paragraph([{ text: `${l.supplement.reason} `, bold: true }, { text: dto.reason }], { align: "justify", spaceBefore: 4, spaceAfter: 2 });
  if (dto.supplementBy) c.paragraph(l.supplement.supplementBy(formatDate(dto.supplementBy, dto.locale)), { spaceAfter: 2 });
  c.paragraph(l.supplement.contact(dto.officer.name, dto.officer.phone), { align: "justify", indent: 18 });

  c.gap(14);
  c.signatures([{ titleLines: [l.supplement.guide], hint: l.signHint, name: dto.officer.name }]);
  return c.save();
}
