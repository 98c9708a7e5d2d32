// Sectors and the eight sample procedures of DOMAIN.md as catalogue data (version 1, published,
// valid from 1 July 2025). Codes, limits and fees are DOMAIN.md's; legal bases are realistic but
// catalogue data an administrator checks and edits. Entries marked [check] in a comment are
// probable, not verified against the national procedure database.

import { ID_NUMBER_PATTERN, PHONE_PATTERN, TAX_CODE_PATTERN, type FormField, type FormSchema } from "./form-schema";

export type RoleName = "RECEPTION_OFFICER" | "SPECIALIST" | "LEADER" | "RECORDS_CLERK";
export type StepKindName = "RECEPTION" | "APPRAISAL" | "APPROVAL" | "ISSUANCE" | "RETURN";

/** Fee rule, as in schema.prisma's comment, plus "schedule": set by the officer from a published fee schedule. */
export type FeeRule =
  | { kind: "none" }
  | { kind: "fixed"; amount: number }
  | { kind: "percent"; rate: number; min: number; max: number }
  | { kind: "schedule" };

interface SectorSeed {
  code: string;
  nameVi: string;
  nameEn: string;
}

interface ComponentSeed {
  nameVi: string;
  nameEn: string;
  required: boolean;
  copiesVi: string;
  copiesEn: string;
}

interface StepSeed {
  kind: StepKindName;
  nameVi: string;
  nameEn: string;
  role: RoleName;
  /** Working hours (one working day = 8 hours). */
  allowanceHours: number;
}

export interface ProcedureSeed {
  code: string;
  /** Why the code is not a national one, when it is not. */
  codeNote?: string;
  sectorCode: string;
  level: "MINISTRY" | "PROVINCE";
  nameVi: string;
  nameEn: string;
  authorityVi: string;
  authorityEn: string;
  /** Working days. */
  limitDays: number;
  fee: FeeRule;
  feeNoteVi?: string;
  feeNoteEn?: string;
  legalBasisVi: string;
  legalBasisEn: string;
  onlineLevel: "PARTIAL" | "FULL";
  channels: number[];
  acrossBoundary: boolean;
  resultNameVi: string;
  resultNameEn: string;
  components: ComponentSeed[];
  steps: StepSeed[];
  formSchema: FormSchema;
  /** Who files it in the demo dossiers. */
  applicantTypes: ("CITIZEN" | "BUSINESS" | "ORGANISATION")[];
  /** Demo values for text fields, by field key (used only to generate demo dossiers). */
  samples: Record<string, string[]>;
}

export const VALID_FROM = new Date("2025-07-01T00:00:00+07:00");

export const sectors: SectorSeed[] = [
  { code: "KHCN", nameVi: "Hoạt động khoa học và công nghệ", nameEn: "Science and technology activities" },
  { code: "CGCN", nameVi: "Chuyển giao công nghệ", nameEn: "Technology transfer" },
  { code: "BC", nameVi: "Bưu chính", nameEn: "Postal services" },
  { code: "ATBXHN", nameVi: "An toàn bức xạ và hạt nhân", nameEn: "Radiation and nuclear safety" },
  { code: "TCDLCL", nameVi: "Tiêu chuẩn, đo lường, chất lượng", nameEn: "Standards, metrology and quality" },
];

// ─── Shared pieces ─────────────────────────────────────────────────────────

const DEPARTMENT_VI = "Sở Khoa học và Công nghệ";
const DEPARTMENT_EN = "Department of Science and Technology";
// [check] the date of issue (9 June 2025); in force 1 July 2025.
const ONE_STOP_DECREE_VI = "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông";
const ONE_STOP_DECREE_EN = "Decree 118/2025/ND-CP on administrative procedures under the one-stop mechanism";
// [check] Law 93/2025/QH15, passed 27 June 2025, in force 1 October 2025.
const ST_LAW_VI = "Luật Khoa học, Công nghệ và Đổi mới sáng tạo số 93/2025/QH15";
const ST_LAW_EN = "Law on Science, Technology and Innovation 2025 (No. 93/2025/QH15)";

const ORIGINAL_VI = "01 bản chính";
const ORIGINAL_EN = "1 original";
const COPY_VI = "01 bản sao";
const COPY_EN = "1 copy";
const CERTIFIED_COPY_VI = "01 bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu";
const CERTIFIED_COPY_EN = "1 certified copy, or a copy with the original for comparison";

function component(nameVi: string, nameEn: string, copies: "original" | "copy" | "certified", required = true): ComponentSeed {
  const [copiesVi, copiesEn] =
    copies === "original" ? [ORIGINAL_VI, ORIGINAL_EN] : copies === "copy" ? [COPY_VI, COPY_EN] : [CERTIFIED_COPY_VI, CERTIFIED_COPY_EN];
  return { nameVi, nameEn, required, copiesVi, copiesEn };
}

const RECEPTION: StepSeed = { kind: "RECEPTION", nameVi: "Tiếp nhận hồ sơ", nameEn: "Receive the dossier", role: "RECEPTION_OFFICER", allowanceHours: 4 };
const RETURN = (hours: number): StepSeed => ({ kind: "RETURN", nameVi: "Trả kết quả", nameEn: "Return the result", role: "RECEPTION_OFFICER", allowanceHours: hours });
const ISSUANCE = (hours: number): StepSeed => ({ kind: "ISSUANCE", nameVi: "Vào số, phát hành kết quả", nameEn: "Number and issue the result", role: "RECORDS_CLERK", allowanceHours: hours });
const APPROVAL = (hours: number): StepSeed => ({ kind: "APPROVAL", nameVi: "Lãnh đạo phê duyệt, ký kết quả", nameEn: "Leader approves and signs", role: "LEADER", allowanceHours: hours });
const APPRAISAL = (hours: number): StepSeed => ({ kind: "APPRAISAL", nameVi: "Thẩm định hồ sơ", nameEn: "Appraise the dossier", role: "SPECIALIST", allowanceHours: hours });
const COMPLETENESS_CHECK = (hours: number): StepSeed => ({
  kind: "APPRAISAL",
  nameVi: "Kiểm tra tính đầy đủ, hợp lệ của hồ sơ",
  nameEn: "Check the dossier is complete and valid",
  role: "SPECIALIST",
  allowanceHours: hours,
});

/** The usual five steps; the specialist gets what the others leave of the limit. */
function standardSteps(limitDays: number, approvalHours: number, issuanceHours: number, returnHours: number): StepSeed[] {
  const appraisal = limitDays * 8 - RECEPTION.allowanceHours - approvalHours - issuanceHours - returnHours;
  return [RECEPTION, APPRAISAL(appraisal), APPROVAL(approvalHours), ISSUANCE(issuanceHours), RETURN(returnHours)];
}

const organisationGroup = (labelVi: string, labelEn: string, withTaxCode: boolean): FormField => ({
  key: "organisation",
  type: "group",
  labelVi,
  labelEn,
  required: true,
  fields: [
    { key: "name", type: "text", labelVi: "Tên tổ chức", labelEn: "Organisation name", required: true, maxLength: 255 },
    ...(withTaxCode
      ? [{ key: "taxCode", type: "text", labelVi: "Mã số thuế / mã số doanh nghiệp", labelEn: "Tax code / enterprise code", required: true, pattern: TAX_CODE_PATTERN } satisfies FormField]
      : []),
    { key: "address", type: "address", labelVi: "Địa chỉ trụ sở chính", labelEn: "Head office address", required: true },
    { key: "representative", type: "text", labelVi: "Người đại diện theo pháp luật", labelEn: "Legal representative", required: true, maxLength: 120 },
    { key: "representativeIdNumber", type: "idNumber", labelVi: "Số CCCD của người đại diện", labelEn: "Representative's identity number", required: true, pattern: ID_NUMBER_PATTERN },
    { key: "phone", type: "text", labelVi: "Điện thoại", labelEn: "Phone", required: true, pattern: PHONE_PATTERN },
  ],
});

const RESEARCH_FIELDS = [
  { value: "natural", labelVi: "Khoa học tự nhiên", labelEn: "Natural sciences" },
  { value: "engineering", labelVi: "Khoa học kỹ thuật và công nghệ", labelEn: "Engineering and technology" },
  { value: "medical", labelVi: "Khoa học y, dược", labelEn: "Medical and health sciences" },
  { value: "agricultural", labelVi: "Khoa học nông nghiệp", labelEn: "Agricultural sciences" },
  { value: "social", labelVi: "Khoa học xã hội", labelEn: "Social sciences" },
  { value: "humanities", labelVi: "Khoa học nhân văn", labelEn: "Humanities" },
];

const ORGANISATION_NAMES = [
  "Viện Nghiên cứu Ứng dụng Công nghệ Sinh học",
  "Trường Đại học Kỹ thuật Công nghiệp",
  "Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ {province}",
  "Viện Khoa học Nông nghiệp Miền núi",
  "Trường Cao đẳng Y tế {province}",
  "Viện Nghiên cứu Phát triển Kinh tế - Xã hội {province}",
  "Bệnh viện Đa khoa {province}",
];
const BUSINESS_NAMES = [
  "Công ty Cổ phần Công nghệ Sao Việt",
  "Công ty TNHH Giải pháp Số Hòa Bình",
  "Công ty Cổ phần Vật liệu Mới Trường Sơn",
  "Công ty TNHH Thiết bị Y tế An Khang",
  "Công ty Cổ phần Nông nghiệp Xanh Mekong",
  "Công ty TNHH Chuyển phát Nhanh Bình Minh",
  "Công ty Cổ phần Cơ khí Chính xác Hồng Lĩnh",
  "Công ty TNHH Phần mềm Tre Việt",
];

// ─── The eight procedures ─────────────────────────────────────────────────

const stTaskResults: ProcedureSeed = {
  code: "1.004473",
  sectorCode: "KHCN",
  level: "PROVINCE",
  nameVi: "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước",
  nameEn: "Register the results of a provincial science and technology task funded by the state budget",
  authorityVi: DEPARTMENT_VI,
  authorityEn: DEPARTMENT_EN,
  limitDays: 5,
  fee: { kind: "none" },
  // [check] the guiding circular after the 2025 law (Circular 14/2014/TT-BKHCN governed it before).
  legalBasisVi: `${ST_LAW_VI}; Thông tư số 14/2014/TT-BKHCN quy định việc thu thập, đăng ký, lưu giữ và công bố thông tin về nhiệm vụ khoa học và công nghệ; ${ONE_STOP_DECREE_VI}`,
  legalBasisEn: `${ST_LAW_EN}; Circular 14/2014/TT-BKHCN on collecting, registering, keeping and publishing information on S&T tasks; ${ONE_STOP_DECREE_EN}`,
  onlineLevel: "FULL",
  channels: [1, 2, 3],
  acrossBoundary: true,
  resultNameVi: "Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ",
  resultNameEn: "Certificate of registration of S&T task results",
  components: [
    component("Phiếu đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước", "Registration form for the results of a state-funded S&T task", "original"),
    component("Báo cáo tổng hợp kết quả thực hiện nhiệm vụ (bản giấy và bản điện tử)", "Final report on the task's results (paper and electronic)", "original"),
    component("Báo cáo tóm tắt kết quả thực hiện nhiệm vụ", "Summary report of the task's results", "original"),
    component("Biên bản họp hội đồng đánh giá, nghiệm thu kết quả thực hiện nhiệm vụ", "Minutes of the evaluation and acceptance council", "copy"),
    component("Quyết định phê duyệt hoặc hợp đồng thực hiện nhiệm vụ", "Decision approving the task, or the task contract", "copy", false),
  ],
  steps: standardSteps(5, 8, 2, 2),
  formSchema: {
    version: 1,
    fields: [
      organisationGroup("Tổ chức chủ trì nhiệm vụ", "Host organisation", false),
      { key: "taskName", type: "text", labelVi: "Tên nhiệm vụ", labelEn: "Task title", required: true, maxLength: 500, multiline: true },
      { key: "taskCode", type: "text", labelVi: "Mã số nhiệm vụ", labelEn: "Task number", required: false, maxLength: 50 },
      { key: "chiefInvestigator", type: "text", labelVi: "Chủ nhiệm nhiệm vụ", labelEn: "Principal investigator", required: true, maxLength: 120 },
      { key: "researchField", type: "select", labelVi: "Lĩnh vực nghiên cứu", labelEn: "Research field", required: true, options: RESEARCH_FIELDS },
      { key: "startDate", type: "date", labelVi: "Ngày bắt đầu", labelEn: "Start date", required: true },
      { key: "endDate", type: "date", labelVi: "Ngày kết thúc", labelEn: "End date", required: true },
      { key: "budget", type: "number", labelVi: "Kinh phí từ ngân sách nhà nước", labelEn: "State budget funding", required: true, min: 0, unitVi: "VNĐ", unitEn: "VND" },
      { key: "acceptanceDate", type: "date", labelVi: "Ngày nghiệm thu", labelEn: "Acceptance date", required: true },
    ],
  },
  applicantTypes: ["ORGANISATION"],
  samples: {
    "organisation.name": ORGANISATION_NAMES,
    taskName: [
      "Nghiên cứu ứng dụng công nghệ IoT giám sát chất lượng nước nuôi trồng thủy sản",
      "Xây dựng mô hình sản xuất giống lúa chất lượng cao thích ứng biến đổi khí hậu",
      "Nghiên cứu chiết xuất hoạt chất từ dược liệu bản địa phục vụ sản xuất thực phẩm chức năng",
      "Ứng dụng trí tuệ nhân tạo hỗ trợ chẩn đoán hình ảnh X-quang phổi",
      "Đánh giá hiện trạng và đề xuất giải pháp bảo tồn di sản văn hóa phi vật thể",
    ],
    taskCode: ["ĐTKHCN.01/2024", "ĐTKHCN.07/2023", "DA.03/2024", "ĐT.12/2023"],
  },
};

const rdCentreRecognition: ProcedureSeed = {
  code: "1.014393",
  sectorCode: "KHCN",
  level: "PROVINCE",
  nameVi: "Công nhận trung tâm nghiên cứu và phát triển",
  nameEn: "Recognise a research and development centre",
  authorityVi: DEPARTMENT_VI,
  authorityEn: DEPARTMENT_EN,
  limitDays: 30,
  fee: { kind: "none" },
  // [check] the decree guiding the 2025 law on R&D centres.
  legalBasisVi: `${ST_LAW_VI}; Nghị định của Chính phủ quy định chi tiết Luật Khoa học, Công nghệ và Đổi mới sáng tạo về tổ chức khoa học và công nghệ; ${ONE_STOP_DECREE_VI}`,
  legalBasisEn: `${ST_LAW_EN}; the Government decree detailing the Law on S&T organisations; ${ONE_STOP_DECREE_EN}`,
  onlineLevel: "FULL",
  channels: [1, 2, 3],
  acrossBoundary: false,
  resultNameVi: "Quyết định công nhận và Giấy công nhận trung tâm nghiên cứu và phát triển",
  resultNameEn: "Decision and certificate recognising the R&D centre",
  components: [
    component("Đơn đề nghị công nhận trung tâm nghiên cứu và phát triển", "Application for recognition of an R&D centre", "original"),
    component("Quyết định thành lập trung tâm nghiên cứu và phát triển", "Decision establishing the R&D centre", "certified"),
    component("Điều lệ tổ chức và hoạt động của trung tâm", "Charter of the centre", "copy"),
    component("Danh sách nhân lực nghiên cứu kèm văn bằng, chứng chỉ", "List of research staff with their degrees", "original"),
    component("Bản kê khai cơ sở vật chất, trang thiết bị phục vụ nghiên cứu", "Statement of research facilities and equipment", "original"),
  ],
  steps: standardSteps(30, 24, 8, 4),
  formSchema: {
    version: 1,
    fields: [
      organisationGroup("Tổ chức đề nghị", "Applicant organisation", true),
      { key: "centreName", type: "text", labelVi: "Tên trung tâm nghiên cứu và phát triển", labelEn: "Name of the R&D centre", required: true, maxLength: 255 },
      { key: "centreAddress", type: "address", labelVi: "Địa chỉ trung tâm", labelEn: "Centre address", required: true },
      { key: "researchField", type: "select", labelVi: "Lĩnh vực nghiên cứu chính", labelEn: "Main research field", required: true, options: RESEARCH_FIELDS },
      { key: "establishmentDecision", type: "text", labelVi: "Số quyết định thành lập", labelEn: "Establishment decision number", required: true, maxLength: 50 },
      { key: "researcherCount", type: "number", labelVi: "Số nhân lực nghiên cứu", labelEn: "Number of researchers", required: true, min: 1, max: 10000 },
    ],
  },
  applicantTypes: ["BUSINESS", "ORGANISATION"],
  samples: {
    "organisation.name": BUSINESS_NAMES,
    centreName: [
      "Trung tâm Nghiên cứu và Phát triển Vật liệu Tiên tiến",
      "Trung tâm R&D Công nghệ Số",
      "Trung tâm Nghiên cứu và Phát triển Giống cây trồng",
      "Trung tâm Nghiên cứu Thiết bị Y sinh",
    ],
    establishmentDecision: ["15/QĐ-HĐQT", "102/QĐ-CT", "07/2025/QĐ-TGĐ", "48/QĐ-VNC"],
  },
};

const technologyTransferAmendment: ProcedureSeed = {
  code: "2.002249",
  sectorCode: "CGCN",
  level: "PROVINCE",
  nameVi: "Cấp Giấy chứng nhận đăng ký gia hạn, sửa đổi, bổ sung nội dung chuyển giao công nghệ",
  nameEn: "Certificate of registration of extension or amendment of a technology transfer",
  authorityVi: DEPARTMENT_VI,
  authorityEn: DEPARTMENT_EN,
  limitDays: 5,
  fee: { kind: "percent", rate: 0.001, min: 3_000_000, max: 5_000_000 },
  feeNoteVi: "Phí thẩm định hợp đồng chuyển giao công nghệ: 0,1% tổng giá trị hợp đồng, tối thiểu 3.000.000 đồng, tối đa 5.000.000 đồng",
  feeNoteEn: "Appraisal fee: 0.1% of the contract value, at least VND 3,000,000 and at most VND 5,000,000",
  // [check] Circular 169/2016/TT-BTC for the fee.
  legalBasisVi: `Luật Chuyển giao công nghệ số 07/2017/QH14; Nghị định số 76/2018/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Chuyển giao công nghệ; Thông tư số 169/2016/TT-BTC về phí thẩm định hợp đồng chuyển giao công nghệ; ${ONE_STOP_DECREE_VI}`,
  legalBasisEn: `Law on Technology Transfer 2017 (No. 07/2017/QH14); Decree 76/2018/ND-CP; Circular 169/2016/TT-BTC on the appraisal fee; ${ONE_STOP_DECREE_EN}`,
  onlineLevel: "PARTIAL",
  channels: [1, 2, 3],
  acrossBoundary: false,
  resultNameVi: "Giấy chứng nhận đăng ký gia hạn, sửa đổi, bổ sung nội dung chuyển giao công nghệ",
  resultNameEn: "Certificate of registration of the extended or amended technology transfer",
  components: [
    component("Văn bản đề nghị đăng ký gia hạn, sửa đổi, bổ sung nội dung chuyển giao công nghệ", "Request to register the extension or amendment", "original"),
    component("Giấy chứng nhận đăng ký chuyển giao công nghệ đã được cấp", "The technology transfer registration certificate already issued", "copy"),
    component("Bản sao hợp đồng chuyển giao công nghệ gia hạn, sửa đổi, bổ sung (kèm bản dịch tiếng Việt nếu bằng tiếng nước ngoài)", "Copy of the extended or amended technology transfer contract (with a Vietnamese translation if in a foreign language)", "certified"),
    component("Văn bản xác nhận tư cách pháp lý của người đại diện các bên tham gia hợp đồng", "Proof of the legal capacity of the parties' representatives", "copy"),
    component("Giấy ủy quyền (trường hợp nộp hồ sơ thông qua người được ủy quyền)", "Power of attorney (when filed by an authorised person)", "original", false),
  ],
  steps: standardSteps(5, 8, 2, 2),
  formSchema: {
    version: 1,
    fields: [
      organisationGroup("Bên đề nghị đăng ký", "Applicant party", true),
      { key: "transferorName", type: "text", labelVi: "Bên giao công nghệ", labelEn: "Transferor", required: true, maxLength: 255 },
      { key: "transfereeName", type: "text", labelVi: "Bên nhận công nghệ", labelEn: "Transferee", required: true, maxLength: 255 },
      { key: "certificateNumber", type: "text", labelVi: "Số Giấy chứng nhận đăng ký chuyển giao công nghệ đã cấp", labelEn: "Number of the registration certificate issued", required: true, maxLength: 50 },
      { key: "contractNumber", type: "text", labelVi: "Số hợp đồng", labelEn: "Contract number", required: true, maxLength: 50 },
      {
        key: "changeType",
        type: "select",
        labelVi: "Nội dung đề nghị",
        labelEn: "Requested change",
        required: true,
        options: [
          { value: "extend", labelVi: "Gia hạn", labelEn: "Extension" },
          { value: "amend", labelVi: "Sửa đổi", labelEn: "Amendment" },
          { value: "supplement", labelVi: "Bổ sung", labelEn: "Supplement" },
        ],
      },
      { key: "contractValue", type: "number", labelVi: "Tổng giá trị hợp đồng", labelEn: "Total contract value", required: true, min: 0, unitVi: "VNĐ", unitEn: "VND", helpVi: "Căn cứ tính phí thẩm định", helpEn: "The appraisal fee is computed from it" },
      { key: "changeDescription", type: "text", labelVi: "Tóm tắt nội dung gia hạn, sửa đổi, bổ sung", labelEn: "Summary of the change", required: true, multiline: true, maxLength: 2000 },
    ],
  },
  applicantTypes: ["BUSINESS"],
  samples: {
    "organisation.name": BUSINESS_NAMES,
    transferorName: ["Công ty TNHH Kỹ thuật Toàn Cầu", "Viện Công nghệ Cơ khí", "Tập đoàn Công nghệ Đông Á", "Công ty Cổ phần Tự động hóa Miền Nam"],
    transfereeName: BUSINESS_NAMES,
    certificateNumber: ["12/GCN-SKHCN", "35/GCN-SKHCN", "08/2024/GCN-SKHCN", "21/GCN-SKHCN"],
    contractNumber: ["HĐCGCN-2024-015", "01/2025/HĐ-CGCN", "HĐ-117/2024", "CGCN-09/2025"],
    changeDescription: [
      "Gia hạn thời hạn hợp đồng thêm 24 tháng",
      "Sửa đổi phạm vi chuyển giao, bổ sung dây chuyền đóng gói",
      "Bổ sung nội dung đào tạo vận hành cho bên nhận công nghệ",
    ],
  },
};

const postalConfirmationReissue: ProcedureSeed = {
  code: "1.005442",
  sectorCode: "BC",
  level: "PROVINCE",
  nameVi: "Cấp lại văn bản xác nhận thông báo hoạt động bưu chính khi bị mất hoặc hư hỏng không sử dụng được",
  nameEn: "Re-issue a confirmation of postal-activity notice when lost or damaged",
  authorityVi: DEPARTMENT_VI,
  authorityEn: DEPARTMENT_EN,
  limitDays: 7,
  fee: { kind: "fixed", amount: 500_000 },
  feeNoteVi: "Phí thẩm định cấp lại văn bản xác nhận thông báo hoạt động bưu chính: 500.000 đồng/lần",
  feeNoteEn: "Re-issue fee: VND 500,000",
  // [check] Decree 25/2022/ND-CP amending Decree 47/2011; Circular 291/2016/TT-BTC for the fee.
  legalBasisVi: `Luật Bưu chính số 49/2010/QH12; Nghị định số 47/2011/NĐ-CP quy định chi tiết thi hành một số nội dung của Luật Bưu chính; Nghị định số 25/2022/NĐ-CP sửa đổi, bổ sung Nghị định số 47/2011/NĐ-CP; Thông tư số 291/2016/TT-BTC; ${ONE_STOP_DECREE_VI}`,
  legalBasisEn: `Law on Postal Services 2010 (No. 49/2010/QH12); Decree 47/2011/ND-CP as amended by Decree 25/2022/ND-CP; Circular 291/2016/TT-BTC; ${ONE_STOP_DECREE_EN}`,
  onlineLevel: "FULL",
  channels: [1, 2, 3],
  acrossBoundary: true,
  resultNameVi: "Văn bản xác nhận thông báo hoạt động bưu chính (cấp lại)",
  resultNameEn: "Confirmation of postal-activity notice (re-issued)",
  components: [
    component("Văn bản đề nghị cấp lại văn bản xác nhận thông báo hoạt động bưu chính", "Request to re-issue the confirmation", "original"),
    component("Văn bản xác nhận thông báo hoạt động bưu chính đã được cấp (trường hợp bị hư hỏng)", "The damaged confirmation (when damaged)", "original", false),
    component("Giấy chứng nhận đăng ký doanh nghiệp", "Enterprise registration certificate", "copy"),
    component("Giấy ủy quyền (trường hợp nộp hồ sơ thông qua người được ủy quyền)", "Power of attorney (when filed by an authorised person)", "original", false),
  ],
  steps: standardSteps(7, 8, 4, 4),
  formSchema: {
    version: 1,
    fields: [
      organisationGroup("Doanh nghiệp đề nghị", "Applicant enterprise", true),
      { key: "confirmationNumber", type: "text", labelVi: "Số văn bản xác nhận đã được cấp", labelEn: "Number of the confirmation issued", required: true, maxLength: 50 },
      { key: "confirmationDate", type: "date", labelVi: "Ngày cấp", labelEn: "Date of issue", required: true },
      {
        key: "reason",
        type: "select",
        labelVi: "Lý do đề nghị cấp lại",
        labelEn: "Reason",
        required: true,
        options: [
          { value: "lost", labelVi: "Bị mất", labelEn: "Lost" },
          { value: "damaged", labelVi: "Bị hư hỏng không sử dụng được", labelEn: "Damaged beyond use" },
        ],
      },
    ],
  },
  applicantTypes: ["BUSINESS"],
  samples: {
    "organisation.name": ["Công ty TNHH Chuyển phát Nhanh Bình Minh", "Công ty Cổ phần Giao vận Sông Hồng", "Công ty TNHH Logistics Phương Nam", "Công ty Cổ phần Bưu chính Ánh Dương"],
    confirmationNumber: ["45/XN-SKHCN", "112/XN-STTTT", "09/2023/XN-STTTT", "76/XN-SKHCN"],
  },
};

const xrayDeclaration: ProcedureSeed = {
  code: "2.002131",
  sectorCode: "ATBXHN",
  level: "PROVINCE",
  nameVi: "Khai báo thiết bị X-quang chẩn đoán trong y tế",
  nameEn: "Declare a medical diagnostic X-ray device",
  authorityVi: DEPARTMENT_VI,
  authorityEn: DEPARTMENT_EN,
  limitDays: 5,
  fee: { kind: "none" },
  // [check] the Law on Atomic Energy 2025 (replacing the 2008 law from 1 January 2026) and its decrees.
  legalBasisVi: `Luật Năng lượng nguyên tử số 18/2008/QH12; Luật Năng lượng nguyên tử năm 2025; Nghị định số 142/2020/NĐ-CP quy định về việc tiến hành công việc bức xạ và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử; ${ONE_STOP_DECREE_VI}`,
  legalBasisEn: `Law on Atomic Energy 2008 (No. 18/2008/QH12); Law on Atomic Energy 2025; Decree 142/2020/ND-CP on radiation work; ${ONE_STOP_DECREE_EN}`,
  onlineLevel: "FULL",
  channels: [1, 2, 3],
  acrossBoundary: true,
  resultNameVi: "Văn bản xác nhận khai báo thiết bị X-quang chẩn đoán trong y tế",
  resultNameEn: "Confirmation of the X-ray device declaration",
  components: [
    component("Phiếu khai báo thiết bị X-quang chẩn đoán trong y tế", "Declaration form for a medical diagnostic X-ray device", "original"),
    component("Tài liệu kỹ thuật của thiết bị (catalogue, thông số kỹ thuật)", "Technical documents of the device (catalogue, specifications)", "copy"),
    component("Giấy tờ chứng minh nguồn gốc thiết bị (hợp đồng mua bán, tờ khai hải quan hoặc biên bản bàn giao)", "Proof of the device's origin (sales contract, customs declaration or handover record)", "copy"),
  ],
  steps: standardSteps(5, 8, 2, 2),
  formSchema: {
    version: 1,
    fields: [
      organisationGroup("Cơ sở khai báo", "Declaring facility", true),
      {
        key: "device",
        type: "group",
        labelVi: "Thiết bị X-quang",
        labelEn: "X-ray device",
        required: true,
        fields: [
          {
            key: "deviceType",
            type: "select",
            labelVi: "Loại thiết bị",
            labelEn: "Device type",
            required: true,
            options: [
              { value: "general", labelVi: "X-quang chụp chung", labelEn: "General radiography" },
              { value: "dental", labelVi: "X-quang chụp răng", labelEn: "Dental" },
              { value: "mammography", labelVi: "X-quang chụp vú", labelEn: "Mammography" },
              { value: "ct", labelVi: "Chụp cắt lớp vi tính (CT)", labelEn: "Computed tomography (CT)" },
              { value: "mobile", labelVi: "X-quang di động", labelEn: "Mobile X-ray" },
            ],
          },
          { key: "manufacturer", type: "text", labelVi: "Hãng sản xuất", labelEn: "Manufacturer", required: true, maxLength: 120 },
          { key: "model", type: "text", labelVi: "Model", labelEn: "Model", required: true, maxLength: 80 },
          { key: "serialNumber", type: "text", labelVi: "Số sê-ri", labelEn: "Serial number", required: true, maxLength: 80 },
          { key: "manufactureYear", type: "number", labelVi: "Năm sản xuất", labelEn: "Year of manufacture", required: true, min: 1980, max: 2100 },
          { key: "maxVoltageKv", type: "number", labelVi: "Điện áp cực đại", labelEn: "Maximum voltage", required: false, min: 1, max: 200, unitVi: "kV", unitEn: "kV" },
        ],
      },
      { key: "installationAddress", type: "address", labelVi: "Địa chỉ nơi đặt thiết bị", labelEn: "Installation address", required: true },
    ],
  },
  applicantTypes: ["BUSINESS", "ORGANISATION"],
  samples: {
    "organisation.name": ["Bệnh viện Đa khoa Tâm Đức", "Phòng khám Đa khoa An Phúc", "Nha khoa Nụ Cười Việt", "Bệnh viện Đa khoa {province}", "Trung tâm Kiểm soát bệnh tật {province}"],
    "device.manufacturer": ["Shimadzu", "Siemens Healthineers", "GE HealthCare", "Philips", "Carestream", "Fujifilm"],
    "device.model": ["RADspeed Pro", "Multix Fusion", "Definium 656", "DigitalDiagnost C90", "CS 8100", "FDR Go PLUS"],
    "device.serialNumber": ["SN2024A1187", "MX77821-04", "DF656-30912", "DD90-55120", "CS81-20931", "FDR-GP-7741"],
  },
};

const radiationLicenceReissue: ProcedureSeed = {
  code: "1.009844",
  sectorCode: "ATBXHN",
  level: "MINISTRY",
  nameVi: "Cấp lại giấy phép tiến hành công việc bức xạ",
  nameEn: "Re-issue a radiation work licence",
  authorityVi: "Bộ Khoa học và Công nghệ (Cục An toàn bức xạ và hạt nhân)",
  authorityEn: "Ministry of Science and Technology (Vietnam Agency for Radiation and Nuclear Safety)",
  // 5 working days to check completeness, then 10 to appraise and decide.
  limitDays: 15,
  fee: { kind: "schedule" },
  // [check] Circular 287/2016/TT-BTC.
  feeNoteVi: "Phí thẩm định cấp giấy phép theo biểu phí tại Thông tư số 287/2016/TT-BTC; cán bộ thông báo số tiền sau khi kiểm tra hồ sơ",
  feeNoteEn: "Licensing appraisal fee per the schedule of Circular 287/2016/TT-BTC; the officer notifies the amount after checking the dossier",
  legalBasisVi: `Luật Năng lượng nguyên tử số 18/2008/QH12; Luật Năng lượng nguyên tử năm 2025; Nghị định số 142/2020/NĐ-CP quy định về việc tiến hành công việc bức xạ và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử; Thông tư số 287/2016/TT-BTC; ${ONE_STOP_DECREE_VI}`,
  legalBasisEn: `Law on Atomic Energy 2008 (No. 18/2008/QH12); Law on Atomic Energy 2025; Decree 142/2020/ND-CP on radiation work; Circular 287/2016/TT-BTC; ${ONE_STOP_DECREE_EN}`,
  onlineLevel: "PARTIAL",
  channels: [1, 2, 3],
  acrossBoundary: false,
  resultNameVi: "Giấy phép tiến hành công việc bức xạ (cấp lại)",
  resultNameEn: "Radiation work licence (re-issued)",
  components: [
    component("Đơn đề nghị cấp lại giấy phép tiến hành công việc bức xạ", "Application to re-issue the radiation work licence", "original"),
    component("Văn bản giải trình lý do đề nghị cấp lại", "Explanation of the reason for re-issue", "original"),
    component("Giấy phép tiến hành công việc bức xạ đã được cấp (trường hợp bị hư hỏng)", "The licence already issued (when damaged)", "original", false),
    component("Giấy tờ chứng minh tư cách pháp nhân của tổ chức đề nghị", "Proof of the applicant's legal status", "copy"),
  ],
  steps: [RECEPTION, COMPLETENESS_CHECK(36), APPRAISAL(56), APPROVAL(16), ISSUANCE(4), RETURN(4)],
  formSchema: {
    version: 1,
    fields: [
      organisationGroup("Tổ chức đề nghị", "Applicant organisation", true),
      { key: "licenceNumber", type: "text", labelVi: "Số giấy phép đã được cấp", labelEn: "Licence number", required: true, maxLength: 50 },
      { key: "licenceIssuedDate", type: "date", labelVi: "Ngày cấp giấy phép", labelEn: "Licence issue date", required: true },
      {
        key: "licensedWork",
        type: "select",
        labelVi: "Công việc bức xạ được cấp phép",
        labelEn: "Licensed radiation work",
        required: true,
        options: [
          { value: "source-use", labelVi: "Sử dụng nguồn phóng xạ", labelEn: "Use of radioactive sources" },
          { value: "industrial-xray", labelVi: "Sử dụng thiết bị X-quang công nghiệp", labelEn: "Use of industrial X-ray devices" },
          { value: "medical-xray", labelVi: "Sử dụng thiết bị X-quang y tế", labelEn: "Use of medical X-ray devices" },
          { value: "source-trade", labelVi: "Xuất khẩu, nhập khẩu nguồn phóng xạ", labelEn: "Export or import of radioactive sources" },
          { value: "transport", labelVi: "Vận chuyển chất phóng xạ", labelEn: "Transport of radioactive material" },
        ],
      },
      {
        key: "reason",
        type: "select",
        labelVi: "Lý do đề nghị cấp lại",
        labelEn: "Reason",
        required: true,
        options: [
          { value: "lost", labelVi: "Bị mất", labelEn: "Lost" },
          { value: "damaged", labelVi: "Bị hư hỏng", labelEn: "Damaged" },
        ],
      },
      { key: "reasonDetail", type: "text", labelVi: "Giải trình chi tiết", labelEn: "Details", required: false, multiline: true, maxLength: 2000 },
    ],
  },
  applicantTypes: ["BUSINESS", "ORGANISATION"],
  samples: {
    "organisation.name": ["Công ty TNHH Kiểm tra Không phá hủy Việt Nam", "Bệnh viện Ung bướu {province}", "Công ty Cổ phần Xi măng Hoàng Thạch", "Viện Nghiên cứu Hạt nhân", "Công ty TNHH Địa vật lý Giếng khoan"],
    licenceNumber: ["1203/GP-ATBXHN", "887/GP-ATBXHN", "2051/GP-ATBXHN", "415/GP-ATBXHN"],
    reasonDetail: ["Giấy phép bị thất lạc trong quá trình di dời trụ sở", "Giấy phép bị hư hỏng do ngập nước", "Bản chính bị rách, không còn đọc được số giấy phép"],
  },
};

// [check] the Vietnamese name: DOMAIN.md gives only "Register quality-testing activities".
const testingRegistration: ProcedureSeed = {
  code: "3.000453",
  sectorCode: "TCDLCL",
  level: "PROVINCE",
  nameVi: "Đăng ký hoạt động thử nghiệm chất lượng sản phẩm, hàng hóa",
  nameEn: "Register quality-testing activities",
  authorityVi: DEPARTMENT_VI,
  authorityEn: DEPARTMENT_EN,
  limitDays: 10,
  // [check] the fee: DOMAIN.md leaves it open, so the officer sets it from the current schedule.
  fee: { kind: "schedule" },
  feeNoteVi: "Phí thẩm định điều kiện hoạt động theo quy định hiện hành của Bộ Tài chính (chưa xác minh mức phí)",
  feeNoteEn: "Appraisal fee per the Ministry of Finance's current schedule (amount not verified)",
  // [check] Decree 154/2018/ND-CP amending Decree 107/2016/ND-CP.
  legalBasisVi: `Luật Tiêu chuẩn và Quy chuẩn kỹ thuật số 68/2006/QH11; Luật Chất lượng sản phẩm, hàng hóa số 05/2007/QH12; Nghị định số 107/2016/NĐ-CP quy định về điều kiện kinh doanh dịch vụ đánh giá sự phù hợp; Nghị định số 154/2018/NĐ-CP; ${ONE_STOP_DECREE_VI}`,
  legalBasisEn: `Law on Standards and Technical Regulations 2006 (No. 68/2006/QH11); Law on Product and Goods Quality 2007 (No. 05/2007/QH12); Decree 107/2016/ND-CP on conformity assessment services, as amended by Decree 154/2018/ND-CP; ${ONE_STOP_DECREE_EN}`,
  onlineLevel: "PARTIAL",
  channels: [1, 2, 3],
  acrossBoundary: false,
  resultNameVi: "Giấy chứng nhận đăng ký hoạt động thử nghiệm",
  resultNameEn: "Certificate of registration of testing activities",
  components: [
    component("Đơn đăng ký hoạt động thử nghiệm", "Application to register testing activities", "original"),
    component("Danh sách thử nghiệm viên kèm bằng cấp, chứng chỉ đào tạo", "List of testers with their qualifications", "original"),
    component("Danh mục máy móc, thiết bị thử nghiệm", "List of testing equipment", "original"),
    component("Quy trình thử nghiệm và mẫu phiếu kết quả thử nghiệm", "Test procedures and a sample test report", "copy"),
    component("Giấy chứng nhận công nhận phòng thử nghiệm (nếu có)", "Laboratory accreditation certificate (if any)", "copy", false),
  ],
  steps: standardSteps(10, 12, 4, 4),
  formSchema: {
    version: 1,
    fields: [
      organisationGroup("Tổ chức đăng ký", "Registering organisation", true),
      { key: "laboratoryName", type: "text", labelVi: "Tên phòng thử nghiệm", labelEn: "Laboratory name", required: true, maxLength: 255 },
      { key: "laboratoryAddress", type: "address", labelVi: "Địa chỉ phòng thử nghiệm", labelEn: "Laboratory address", required: true },
      { key: "testingScope", type: "text", labelVi: "Lĩnh vực, phạm vi thử nghiệm đăng ký", labelEn: "Testing field and scope", required: true, multiline: true, maxLength: 2000 },
      { key: "testerCount", type: "number", labelVi: "Số thử nghiệm viên", labelEn: "Number of testers", required: true, min: 1, max: 1000 },
      {
        key: "accredited",
        type: "select",
        labelVi: "Đã được công nhận theo TCVN ISO/IEC 17025",
        labelEn: "Accredited to ISO/IEC 17025",
        required: true,
        options: [
          { value: "yes", labelVi: "Có", labelEn: "Yes" },
          { value: "no", labelVi: "Chưa", labelEn: "Not yet" },
        ],
      },
    ],
  },
  applicantTypes: ["BUSINESS", "ORGANISATION"],
  samples: {
    "organisation.name": ["Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng {province}", "Công ty TNHH Thử nghiệm Quốc tế Phương Đông", "Công ty Cổ phần Kiểm định Xây dựng Thành Công", "Viện Kiểm nghiệm An toàn Thực phẩm"],
    laboratoryName: ["Phòng thử nghiệm Hóa - Sinh", "Phòng thử nghiệm Vật liệu xây dựng", "Phòng thử nghiệm Điện - Điện tử", "Phòng thử nghiệm Cơ lý"],
    testingScope: ["Thử nghiệm chỉ tiêu hóa lý trong thực phẩm và nước uống", "Thử nghiệm cơ lý vật liệu xây dựng: xi măng, cát, đá, bê tông", "Thử nghiệm an toàn điện thiết bị gia dụng"],
  },
};

const stEnterpriseCertificate: ProcedureSeed = {
  code: "LOCAL.KHCN.001",
  codeNote: "No national procedure code was found for this procedure: a local code until the catalogue's code is confirmed.",
  sectorCode: "KHCN",
  level: "PROVINCE",
  nameVi: "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
  nameEn: "Certificate of science and technology enterprise",
  authorityVi: DEPARTMENT_VI,
  authorityEn: DEPARTMENT_EN,
  // 3 working days to check the dossier, then 10 to appraise.
  limitDays: 13,
  // [check] no fee found for this certificate.
  fee: { kind: "none" },
  // [check] Decree 13/2019/ND-CP may be replaced by a decree under the 2025 law.
  legalBasisVi: `${ST_LAW_VI}; Nghị định số 13/2019/NĐ-CP về doanh nghiệp khoa học và công nghệ; ${ONE_STOP_DECREE_VI}`,
  legalBasisEn: `${ST_LAW_EN}; Decree 13/2019/ND-CP on science and technology enterprises; ${ONE_STOP_DECREE_EN}`,
  onlineLevel: "PARTIAL",
  channels: [1, 2, 3],
  acrossBoundary: false,
  resultNameVi: "Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
  resultNameEn: "Science and technology enterprise certificate",
  components: [
    component("Đơn đề nghị cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", "Application for the S&T enterprise certificate", "original"),
    component("Giấy chứng nhận đăng ký doanh nghiệp", "Enterprise registration certificate", "copy"),
    component("Văn bản xác nhận quyền sở hữu hoặc quyền sử dụng hợp pháp kết quả khoa học và công nghệ", "Proof of ownership or lawful use of the S&T result", "certified"),
    component("Phương án sản xuất, kinh doanh sản phẩm hình thành từ kết quả khoa học và công nghệ", "Business plan for products made from the S&T result", "original"),
    component("Văn bản thẩm định, đánh giá hoặc nghiệm thu kết quả khoa học và công nghệ", "Appraisal, evaluation or acceptance of the S&T result", "copy", false),
  ],
  steps: [RECEPTION, COMPLETENESS_CHECK(20), APPRAISAL(56), APPROVAL(16), ISSUANCE(4), RETURN(4)],
  formSchema: {
    version: 1,
    fields: [
      organisationGroup("Doanh nghiệp đề nghị", "Applicant enterprise", true),
      { key: "resultName", type: "text", labelVi: "Tên kết quả khoa học và công nghệ", labelEn: "Name of the S&T result", required: true, maxLength: 500 },
      {
        key: "resultType",
        type: "select",
        labelVi: "Loại kết quả",
        labelEn: "Kind of result",
        required: true,
        options: [
          { value: "patent", labelVi: "Sáng chế", labelEn: "Patent" },
          { value: "utility-solution", labelVi: "Giải pháp hữu ích", labelEn: "Utility solution" },
          { value: "plant-variety", labelVi: "Giống cây trồng", labelEn: "Plant variety" },
          { value: "software", labelVi: "Chương trình máy tính", labelEn: "Software" },
          { value: "task-result", labelVi: "Kết quả nhiệm vụ khoa học và công nghệ đã nghiệm thu", labelEn: "Accepted S&T task result" },
        ],
      },
      { key: "expectedRevenueShare", type: "number", labelVi: "Tỷ lệ doanh thu dự kiến từ sản phẩm khoa học và công nghệ", labelEn: "Expected revenue share from S&T products", required: true, min: 0, max: 100, unitVi: "%", unitEn: "%" },
    ],
  },
  applicantTypes: ["BUSINESS"],
  samples: {
    "organisation.name": BUSINESS_NAMES,
    resultName: [
      "Quy trình sản xuất phân bón hữu cơ vi sinh từ phụ phẩm nông nghiệp",
      "Phần mềm quản lý chuỗi cung ứng nông sản truy xuất nguồn gốc",
      "Thiết bị lọc nước nhiễm mặn quy mô hộ gia đình",
      "Vật liệu composite gia cường sợi tre",
    ],
  },
};

export const procedures: ProcedureSeed[] = [
  stTaskResults,
  rdCentreRecognition,
  technologyTransferAmendment,
  postalConfirmationReissue,
  xrayDeclaration,
  radiationLicenceReissue,
  testingRegistration,
  stEnterpriseCertificate,
];
