import { formatDate, pickName } from "../../_lib/format";
import { dlClass, Row } from "./section";
import type { SectionProps } from "./types";

/** Who applied, how the result goes back to them, and which agencies receive and handle it. */
export function ApplicantSection({ d, t, locale }: SectionProps) {
  const a = d.applicant;
  return (
    <dl className={dlClass}>
      <Row label={t("officer.applicant.type")}>{t(`officer.applicantTypes.${a.type}`)}</Row>
      {a.organisationName && <Row label={t("officer.applicant.organisation")}>{a.organisationName}</Row>}
      {a.taxCode && <Row label={t("officer.applicant.taxCode")}>{a.taxCode}</Row>}
      <Row label={t("officer.applicant.name")}>{a.name}</Row>
      <Row label={t("officer.applicant.idNumber")}>{a.idNumber}</Row>
      <Row label={t("officer.applicant.dateOfBirth")}>{a.dateOfBirth ? formatDate(a.dateOfBirth) : null}</Row>
      <Row label={t("officer.applicant.phone")}>{a.phone}</Row>
      <Row label={t("officer.applicant.email")}>{a.email}</Row>
      <Row label={t("officer.applicant.address")}>{a.address}</Row>
      <Row label={t("officer.dossier.resultDelivery")}>
        {t(`officer.delivery.${d.resultDelivery}`)}
        {d.deliveryAddress ? ` — ${d.deliveryAddress}` : ""}
      </Row>
      <Row label={t("officer.dossier.receivingAgency")}>{pickName(locale, d.receivingAgency.nameVi, d.receivingAgency.nameEn)}</Row>
      {d.handlingAgency.id !== d.receivingAgency.id && <Row label={t("officer.dossier.handlingAgency")}>{pickName(locale, d.handlingAgency.nameVi, d.handlingAgency.nameEn)}</Row>}
    </dl>
  );
}
