// Form 01: receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả).
import { field, fieldPair, formNumber, nationalHeader, title } from "./blocks";
import { formatDateTime, formatPlaceDate } from "./format";
import { labels as allLabels } from "./labels";
import { A4_PORTRAIT, createComposer, OFFICIAL_MARGINS } from "./layout";
import { drawQr } from "./qr";
import { procedureText } from "./shared";
import { type TReceiptSlip, ZReceiptSlipSchema } from "./schema";

/** The tracking page the slip's QR code opens. */
export function trackingUrl(baseUrl: string, dossierCode: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/track/${encodeURIComponent(dossierCode)}`;
}

const QR_SIDE = 66;

export async function renderReceiptSlip(input: TReceiptSlip): Promise<Uint8Array> {
  const dto = ZReceiptSlipSchema.parse(input);
  const l = allLabels[dto.locale];
  const url = trackingUrl(dto.baseUrl, dto.dossierCode);
  const c = await createComposer({
    title: `${l.receipt.title} ${dto.dossierCode}`,
    subject: l.formNumber(1),
    pageSize: A4_PORTRAIT,
    // A slightly lower bottom margin keeps a typical slip, signatures included, on one sheet.
    margins: { ...OFFICIAL_MARGINS, bottom: 15 * (72 / 25.4) },
  });

  c.bodySize = 12; // the slip is meant to fit one page with a typical list of documents
  formNumber(c, l.formNumber(1));
  const header = nationalHeader(c, {
    agency: dto.agency,
    labels: l,
    placeDate: formatPlaceDate(dto.agency.place, dto.issuedAt ?? dto.receivedAt, dto.locale),
  });
  // The QR code sits under the agency name, where citizens' phones find it on real slips.
  const qrTop = header.leftBottom - 2;
  const qrX = header.leftX + (header.leftWidth - QR_SIDE) / 2;
  drawQr(c.page, url, qrX, qrTop, QR_SIDE);
  const afterQr = c.y;
  c.y = qrTop - QR_SIDE;
  c.paragraph([{ text: l.receipt.scanHint, italic: true }], { x: header.leftX, width: header.leftWidth, align: "center", size: 9 });
  c.y = Math.min(c.y, afterQr);

  title(c, l.receipt.title, [[{ text: `${l.dossierCode} ` }, { text: dto.dossierCode, bold: true }]]);

  c.paragraph([{ text: `${l.receipt.receivedFrom(dto.agency.name)} ` }, { text: dto.applicant.name, bold: true }], { align: "justify", spaceAfter: 1 });
  field(c, l.applicantId, dto.applicant.idNumber);
  field(c, l.address, dto.applicant.address);
  fieldPair(c, [l.phone, dto.applicant.phone], [l.email, dto.applicant.email]);
  field(c, l.requestContent, procedureText(dto.procedure, l));

  c.paragraph(l.receipt.documentsHeading, { spaceBefore: 2, spaceAfter: 3 });
  if (dto.documents.length === 0) {
    c.paragraph([{ text: l.receipt.noDocuments, italic: true }], { indent: 14, spaceAfter: 2 });
  } else {
    c.table(
      [
        { header: l.receipt.colNo, weight: 6, align: "center" },
        { header: l.receipt.colDocument, weight: 52 },
        { header: l.receipt.colForm, weight: 29, align: "center" },
        { header: l.receipt.colCopies, weight: 11, align: "center" },
      ],
      dto.documents.map((d, i) => [String(i + 1), d.name, l.documentForm[d.form], String(d.copies)]),
      { size: 12, headerSize: 11 },
    );
    c.gap(4);
  }
  c.paragraph(l.receipt.dossierSets(dto.dossierSets), { spaceAfter: 1 });
  c.paragraph([{ text: `${l.receipt.timeLimit} ` }, { text: l.timeLimit(dto.timeLimit.value, dto.timeLimit.unit) }], { spaceAfter: 1 });
  c.paragraph([{ text: `${l.receipt.receivedAt} ` }, { text: formatDateTime(dto.receivedAt, dto.locale) }], { spaceAfter: 1 });
  c.paragraph([{ text: `${l.receipt.dueAt} ` }, { text: formatDateTime(dto.dueAt, dto.locale), bold: true }], { spaceAfter: 1 });
  const delivery = l.delivery[dto.resultDelivery] + (dto.resultDelivery === "BY_POST" && dto.deliveryAddress ? `: ${dto.deliveryAddress}` : "");
  c.paragraph([{ text: `${l.receipt.delivery} ` }, { text: delivery }], { align: "justify", spaceAfter: 1 });
  if (dto.trackingBookEntry) {
    c.paragraph(l.receipt.trackingBook(dto.trackingBookEntry.volume ?? "……", dto.trackingBookEntry.sequence ?? "……"), { spaceAfter: 1 });
  }
  c.paragraph([{ text: l.receipt.trackAt(url), italic: true }], { size: 11, spaceBefore: 2 });

  c.gap(8);
  c.signatures(
    [
    { titleLines: [l.receipt.submitter], hint: l.signHint, name: dto.applicant.name },
    { titleLines: [l.receipt.receiver], hint: l.signHint, name: dto.receivingOfficer.name },
    ],
    { space: 48 },
  );
  return c.save();
}
