// Realistic sample inputs for the standard forms: used by their tests and by scripts/preview-forms.ts.
import { vietnamParts } from "../modules/standard-forms/format";
import type {
  TApologyLetter,
  TControlSheet,
  TReceiptSlip,
  TRefusal,
  TStopNotice,
  TSupplementRequest,
  TTrackingBook,
  TTrackingBookRow,
} from "../modules/standard-forms/schema";

export const agency = {
  parentName: "Ủy ban nhân dân tỉnh Lâm Đồng",
  name: "Sở Khoa học và Công nghệ",
  place: "Lâm Đồng",
};

export const applicant = {
  name: "Nguyễn Thị Thu Hường",
  idNumber: "001190012345",
  address: "Số 12 đường Trần Hưng Đạo, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng",
  phone: "0912 345 678",
  email: "huong.nguyen@example.vn",
};

export const procedure = {
  code: "1.004473",
  name: "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước",
};

export const dossierCode = "000.00.53.H48-260213-0118";
/** Friday 13 Feb 2026, 10:00 in Vietnam. */
export const receivedAt = new Date("2026-02-13T03:00:00Z");
/** Friday 27 Feb 2026, 17:00 in Vietnam: 5 working days after the Tết break (DOMAIN.md's example). */
export const dueAt = new Date("2026-02-27T10:00:00Z");

export const receiptSlip: TReceiptSlip = {
  agency,
  dossierCode,
  baseUrl: "https://motcua.example.gov.vn",
  applicant,
  procedure,
  documents: [
    { name: "Phiếu đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước", form: "ORIGINAL", copies: 1 },
    { name: "Báo cáo tổng hợp kết quả thực hiện nhiệm vụ đã được hoàn thiện theo ý kiến của Hội đồng đánh giá, nghiệm thu", form: "ORIGINAL", copies: 2 },
    { name: "Quyết định thành lập Hội đồng đánh giá, nghiệm thu", form: "CERTIFIED_COPY", copies: 1 },
    { name: "Biên bản đánh giá, nghiệm thu kết quả thực hiện nhiệm vụ", form: "PHOTOCOPY", copies: 1 },
  ],
  timeLimit: { value: 5, unit: "WORKING_DAY" },
  receivedAt,
  dueAt,
  resultDelivery: "BY_POST",
  deliveryAddress: applicant.address,
  receivingOfficer: { name: "Trần Văn Đức" },
  trackingBookEntry: { volume: "01", sequence: "118" },
};

export const supplementRequest: TSupplementRequest = {
  agency,
  issuedAt: new Date("2026-02-24T02:15:00Z"),
  dossierCode,
  applicant,
  procedure,
  items: [
    "Bổ sung bản sao chứng thực Quyết định giao nhiệm vụ khoa học và công nghệ.",
    "Hoàn thiện Báo cáo tổng hợp theo ý kiến kết luận của Hội đồng đánh giá, nghiệm thu (phần Phụ lục số liệu).",
  ],
  reason: "Hồ sơ chưa có Quyết định giao nhiệm vụ; Báo cáo tổng hợp chưa được chỉnh sửa đầy đủ theo ý kiến của Hội đồng.",
  supplementBy: new Date("2026-03-06T10:00:00Z"),
  officer: { name: "Lê Thị Ngọc Ánh", phone: "0263 3822 111" },
};

export const refusal: TRefusal = {
  agency,
  issuedAt: receivedAt,
  applicant,
  procedure,
  reasons: [
    "Nhiệm vụ khoa học và công nghệ chưa được Hội đồng đánh giá, nghiệm thu ở mức “Đạt” trở lên.",
    "Hồ sơ không thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ tỉnh Lâm Đồng.",
  ],
  officer: { name: "Trần Văn Đức" },
};

export const apologyLetter: TApologyLetter = {
  agency,
  issuedAt: new Date("2026-02-26T08:00:00Z"),
  documentNumber: "125/SKHCN-VP",
  dossierCode,
  applicant,
  procedure,
  receivedAt,
  originalDueAt: dueAt,
  newDueAt: new Date("2026-03-06T10:00:00Z"),
  reason: "Hồ sơ cần lấy ý kiến của Sở Tài chính về nguồn kinh phí thực hiện nhiệm vụ, đến nay chưa nhận được văn bản trả lời.",
  signer: { titleLines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "Phạm Quốc Việt" },
};

export const stopNotice: TStopNotice = {
  agency,
  issuedAt: new Date("2026-03-02T03:00:00Z"),
  documentNumber: "131/TB-SKHCN",
  dossierCode,
  applicant,
  procedure,
  receivedAt,
  reason: "Tổ chức, cá nhân đã có văn bản đề nghị dừng giải quyết hồ sơ để điều chỉnh nội dung đăng ký.",
  legalBasis: "khoản 3 Điều 20 Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ.",
  signer: { titleLines: ["GIÁM ĐỐC"], name: "Đỗ Thị Minh Nguyệt" },
  recipients: ["Như trên;", "Bộ phận Một cửa;", "Lưu: VT, QLKH."],
};

export const controlSheet: TControlSheet = {
  agency,
  dossierCode,
  applicant,
  procedure,
  handlingUnit: "Phòng Quản lý khoa học, Sở Khoa học và Công nghệ",
  coordinatingUnits: ["Sở Tài chính tỉnh Lâm Đồng"],
  receivedAt,
  dueAt,
  steps: [
    {
      name: "Tiếp nhận hồ sơ",
      from: { unit: "Bộ phận Một cửa", person: "Trần Văn Đức" },
      to: { unit: "Phòng Quản lý khoa học", person: "Lê Thị Ngọc Ánh" },
      allowance: { value: 4, unit: "WORKING_HOUR" },
      dueAt: new Date("2026-02-13T09:00:00Z"),
      receivedAt,
      finishedAt: new Date("2026-02-13T07:30:00Z"),
    },
    {
      name: "Thẩm định hồ sơ",
      from: { unit: "Phòng Quản lý khoa học", person: "Lê Thị Ngọc Ánh" },
      to: { unit: "Lãnh đạo Sở", person: "Phạm Quốc Việt" },
      allowance: { value: 3, unit: "WORKING_DAY" },
      dueAt: new Date("2026-02-25T10:00:00Z"),
      receivedAt: new Date("2026-02-13T07:30:00Z"),
      finishedAt: new Date("2026-02-24T09:00:00Z"),
    },
    {
      name: "Phê duyệt, ký kết quả",
      from: { unit: "Lãnh đạo Sở", person: "Phạm Quốc Việt" },
      to: { unit: "Văn thư", person: "Hoàng Văn Nam" },
      allowance: { value: 1, unit: "WORKING_DAY" },
      dueAt: new Date("2026-02-26T10:00:00Z"),
      receivedAt: new Date("2026-02-24T09:00:00Z"),
      finishedAt: new Date("2026-02-27T02:00:00Z"),
      note: "Chờ ý kiến Sở Tài chính",
    },
    {
      name: "Trả kết quả",
      from: { unit: "Văn thư", person: "Hoàng Văn Nam" },
      to: { unit: "Bộ phận Một cửa" },
      allowance: { value: 4, unit: "WORKING_HOUR" },
      dueAt,
      receivedAt: new Date("2026-02-27T02:00:00Z"),
    },
  ],
};

const surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
const given = ["Thị Thu Hường", "Văn Đức", "Quốc Việt", "Ngọc Ánh", "Minh Nguyệt", "Hữu Phước", "Thị Yến", "Đình Trọng", "Thùy Dương", "Xuân Trường"];
const procedures = [
  "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước",
  "Công nhận trung tâm nghiên cứu và phát triển",
  "Cấp Giấy chứng nhận đăng ký gia hạn, sửa đổi, bổ sung nội dung chuyển giao công nghệ",
  "Cấp lại Giấy xác nhận thông báo hoạt động bưu chính trong trường hợp bị mất hoặc hư hỏng",
  "Khai báo thiết bị X-quang chẩn đoán trong y tế",
  "Đăng ký hoạt động thử nghiệm chất lượng",
];
const statuses = ["RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED", "PROCESSED", "RETURNED", "REFUSED", "STOPPED"] as const;

const dayKey = (d: Date) => {
  const p = vietnamParts(d);
  return `${String(p.year % 100).padStart(2, "0")}${String(p.month).padStart(2, "0")}${String(p.day).padStart(2, "0")}`;
};

/** `n` tracking-book rows with deterministic, varied content (some long, some overdue). */
export function trackingBookRows(n: number): TTrackingBookRow[] {
  const day = 24 * 3600 * 1000;
  return Array.from({ length: n }, (_, i) => {
    const received = new Date(Date.UTC(2026, 0, 5, 2, 0) + Math.floor(i / 12) * day + (i % 12) * 1800 * 1000);
    // Due at 17:00 Vietnam time (10:00 UTC) a week later.
    const due = new Date(Math.floor(received.getTime() / day) * day + 7 * day + 10 * 3600 * 1000);
    const status = statuses[i % statuses.length]!;
    const finished = status === "PROCESSED" || status === "RETURNED" ? new Date(due.getTime() + ((i % 5) - 3) * day) : undefined;
    return {
      dossierCode: `000.00.53.H48-${dayKey(received)}-${String((i % 12) + 1).padStart(4, "0")}`,
      procedureName: procedures[i % procedures.length]!,
      applicantName: `${surnames[i % surnames.length]} ${given[i % given.length]}`,
      applicantAddress: i % 3 === 0 ? `Số ${i + 1} đường Lê Hồng Phong, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng` : undefined,
      applicantPhone: i % 2 === 0 ? `09${String(10000000 + i * 7919).slice(0, 8)}` : undefined,
      receivedAt: received,
      dueAt: due,
      finishedAt: finished,
      returnedAt: status === "RETURNED" && finished ? new Date(finished.getTime() + day) : undefined,
      status,
      note: i % 10 === 0 ? "Nộp trực tuyến, nhận kết quả qua dịch vụ bưu chính công ích" : undefined,
    };
  });
}

export function trackingBook(rows: number): TTrackingBook {
  return {
    agency,
    period: { from: new Date("2026-01-04T17:00:00Z"), to: new Date("2026-03-31T16:59:59Z") },
    generatedAt: new Date("2026-04-01T01:30:00Z"),
    rows: trackingBookRows(rows),
  };
}
