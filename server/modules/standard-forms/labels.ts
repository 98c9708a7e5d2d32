// Every word the forms print, in Vietnamese (the official text) and English (a reading aid).
import type { TDocumentForm, TStepOutcome } from "./schema";

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type DossierStatusKey =
  | "NEW" | "RECEIVED" | "REFUSED" | "PROCESSING" | "SUPPLEMENT_REQUESTED"
  | "AWAITING_FEE" | "WITHDRAWN" | "STOPPED" | "PROCESSED" | "RETURNED";
type ResultDeliveryKey = "AT_DESK" | "BY_POST" | "ONLINE";
type TimeUnitKey = "WORKING_DAY" | "WORKING_HOUR";

export interface Labels {
  nation: string;
  motto: string;
  formNumber: (n: number) => string;
  numberPrefix: string;
  dossierCode: string;
  signHint: string;
  signSealHint: string;
  recipients: string;
  /** "Nơi nhận" when the caller gives none: the addressee and the archive copy. */
  defaultRecipients: string[];
  dearPrefix: string;
  /** The applicant as addressed after "Kính gửi:". */
  addressee: (name: string) => string;
  timeLimit: (value: number, unit: TimeUnitKey) => string;
  procedureCode: string;

  applicantId: string;
  address: string;
  phone: string;
  email: string;
  requestContent: string;

  receipt: {
    title: string;
    scanHint: string;
    receivedFrom: (agency: string) => string;
    documentsHeading: string;
    colNo: string;
    colDocument: string;
    colForm: string;
    colCopies: string;
    noDocuments: string;
    dossierSets: (n: number) => string;
    timeLimit: string;
    receivedAt: string;
    dueAt: string;
    delivery: string;
    trackingBook: (volume: string, sequence: string) => string;
    trackAt: (url: string) => string;
    submitter: string;
    receiver: string;
  };
  documentForm: Record<TDocumentForm, string>;
  delivery: Record<ResultDeliveryKey, string>;

  supplement: {
    title: string;
    dossierOf: string;
    intro: (agency: string) => string;
    reason: string;
    supplementBy: (date: string) => string;
    contact: (officer: string, phone: string | undefined) => string;
    guide: string;
  };

  refusal: {
    title: string;
    receivedFrom: (agency: string) => string;
    intro: (agency: string) => string;
    closing: string;
    receiver: string;
  };

  apology: {
    title: string;
    subject: string;
    received: (date: string, agency: string, procedure: string, code: string) => string;
    originalDue: (dateTime: string) => string;
    lateReason: (agency: string, reason: string) => string;
    apology: (agency: string, dateTime: string) => string;
    thanks: string;
  };

  stop: {
    title: string;
    subtitle: string;
    received: (date: string, agency: string, procedure: string, code: string) => string;
    notice: (agency: string, date: string, reason: string) => string;
    legalBasis: (basis: string) => string;
    closing: string;
  };

  control: {
    title: string;
    handlingUnit: string;
    coordinatingUnits: string;
    applicant: string;
    procedure: string;
    receivedAt: string;
    dueAt: string;
    colNo: string;
    colStep: string;
    colFrom: string;
    colTo: string;
    colAllowance: string;
    colReceived: string;
    colFinished: string;
    colOutcome: string;
    colNote: string;
    duePrefix: string;
    outcome: Record<TStepOutcome, string>;
  };

  book: {
    title: string;
    period: (from: string, to: string) => string;
    generatedAt: (dateTime: string) => string;
    page: (n: number, total: number) => string;
    colNo: string;
    colCode: string;
    colProcedure: string;
    colApplicant: string;
    colReceived: string;
    colDue: string;
    colFinished: string;
    colReturned: string;
    colStatus: string;
    colNote: string;
    overdue: string;
    onTime: string;
    total: (n: number) => string;
  };
  status: Record<DossierStatusKey, string>;
}

const vi: Labels = {
  nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto: "Độc lập - Tự do - Hạnh phúc",
  formNumber: (n) => `Mẫu số ${String(n).padStart(2, "0")}`,
  numberPrefix: "Số:",
  dossierCode: "Mã hồ sơ:",
  signHint: "(Ký và ghi rõ họ tên)",
  signSealHint: "(Ký, ghi rõ họ tên và đóng dấu)",
  recipients: "Nơi nhận:",
  defaultRecipients: ["Như trên;", "Lưu: VT."],
  dearPrefix: "Kính gửi:",
  addressee: (name) => `Ông/Bà ${name}`,
  timeLimit: (value, unit) => `${value} ${unit === "WORKING_HOUR" ? "giờ làm việc" : "ngày làm việc"}`,
  procedureCode: "mã thủ tục",

  applicantId: "Số định danh cá nhân/Giấy tờ tùy thân:",
  address: "Địa chỉ:",
  phone: "Số điện thoại:",
  email: "Thư điện tử:",
  requestContent: "Nội dung yêu cầu giải quyết:",

  receipt: {
    title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    scanHint: "Quét mã để tra cứu",
    receivedFrom: (agency) => `${agency} tiếp nhận hồ sơ của:`,
    documentsHeading: "1. Thành phần hồ sơ nộp gồm:",
    colNo: "TT",
    colDocument: "Tên giấy tờ",
    colForm: "Hình thức (bản chính, bản sao, bản chụp, bản điện tử)",
    colCopies: "Số lượng",
    noDocuments: "(Không có giấy tờ kèm theo)",
    dossierSets: (n) => `2. Số lượng hồ sơ: ${String(n).padStart(2, "0")} (bộ)`,
    timeLimit: "3. Thời hạn giải quyết hồ sơ theo quy định:",
    receivedAt: "4. Thời gian nhận hồ sơ:",
    dueAt: "5. Thời gian trả kết quả giải quyết hồ sơ:",
    delivery: "6. Đăng ký nhận kết quả tại:",
    trackingBook: (volume, sequence) => `Vào Sổ theo dõi hồ sơ, Quyển số: ${volume}, Số thứ tự: ${sequence}`,
    trackAt: (url) => `Tra cứu tình trạng giải quyết hồ sơ tại: ${url}`,
    submitter: "NGƯỜI NỘP HỒ SƠ",
    receiver: "NGƯỜI TIẾP NHẬN HỒ SƠ",
  },
  documentForm: {
    ORIGINAL: "Bản chính",
    CERTIFIED_COPY: "Bản sao chứng thực",
    COPY: "Bản sao",
    PHOTOCOPY: "Bản chụp",
    ELECTRONIC: "Bản điện tử",
  },
  delivery: {
    AT_DESK: "Bộ phận Một cửa (nhận trực tiếp)",
    BY_POST: "Qua dịch vụ bưu chính công ích",
    ONLINE: "Trực tuyến (Cổng Dịch vụ công)",
  },

  supplement: {
    title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    dossierOf: "Hồ sơ của:",
    intro: (agency) => `Sau khi xem xét, ${agency} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`,
    reason: "Lý do:",
    supplementBy: (date) => `Thời hạn bổ sung, hoàn thiện hồ sơ: trước ${date}.`,
    contact: (officer, phone) =>
      `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ông/bà ${officer}` +
      (phone ? `, số điện thoại ${phone}` : "") +
      " để được hướng dẫn./.",
    guide: "NGƯỜI HƯỚNG DẪN",
  },

  refusal: {
    title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    receivedFrom: (agency) => `${agency} tiếp nhận hồ sơ của:`,
    intro: (agency) =>
      `Qua xem xét, ${agency} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    closing: "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
    receiver: "NGƯỜI TIẾP NHẬN HỒ SƠ",
  },

  apology: {
    title: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    subject: "V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ",
    received: (date, agency, procedure, code) =>
      `${upperFirst(date)}, ${agency} tiếp nhận hồ sơ đề nghị giải quyết thủ tục “${procedure}” của Ông/Bà; mã hồ sơ: ${code}.`,
    originalDue: (dateTime) => `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${dateTime}.`,
    lateReason: (agency, reason) =>
      `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Lý do: ${reason}`,
    apology: (agency, dateTime) =>
      `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${agency} xin lỗi Ông/Bà và đề nghị gia hạn thời gian trả kết quả giải quyết hồ sơ đến ${dateTime}.`,
    thanks: "Xin trân trọng cảm ơn./.",
  },

  stop: {
    title: "THÔNG BÁO",
    subtitle: "Về việc dừng giải quyết hồ sơ",
    received: (date, agency, procedure, code) =>
      `${upperFirst(date)}, ${agency} tiếp nhận hồ sơ đề nghị giải quyết thủ tục “${procedure}” của Ông/Bà; mã hồ sơ: ${code}.`,
    notice: (agency, date, reason) =>
      `${agency} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${date}. Lý do: ${reason}`,
    legalBasis: (basis) => `Căn cứ: ${basis}`,
    closing: "Xin thông báo để Ông/Bà được biết./.",
  },

  control: {
    title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    handlingUnit: "Cơ quan (bộ phận) giải quyết hồ sơ:",
    coordinatingUnits: "Cơ quan phối hợp giải quyết hồ sơ:",
    applicant: "Tổ chức, cá nhân nộp hồ sơ:",
    procedure: "Thủ tục hành chính:",
    receivedAt: "Thời gian nhận hồ sơ:",
    dueAt: "Thời gian hẹn trả kết quả:",
    colNo: "TT",
    colStep: "Bước xử lý",
    colFrom: "Bên giao (đơn vị, người giao)",
    colTo: "Bên nhận (đơn vị, người nhận)",
    colAllowance: "Thời hạn xử lý",
    colReceived: "Thời gian nhận",
    colFinished: "Thời gian hoàn thành",
    colOutcome: "Kết quả (trước hạn/ đúng hạn/ quá hạn)",
    colNote: "Ghi chú",
    duePrefix: "Hạn:",
    outcome: { EARLY: "Trước hạn", ON_TIME: "Đúng hạn", LATE: "Quá hạn" },
  },

  book: {
    title: "SỔ THEO DÕI HỒ SƠ",
    period: (from, to) => `Từ ngày ${from} đến ngày ${to}`,
    generatedAt: (dateTime) => `In lúc ${dateTime}`,
    page: (n, total) => `Trang ${n}/${total}`,
    colNo: "TT",
    colCode: "Mã hồ sơ",
    colProcedure: "Tên thủ tục hành chính",
    colApplicant: "Tên cá nhân, tổ chức (địa chỉ, số điện thoại)",
    colReceived: "Nhận hồ sơ",
    colDue: "Hẹn trả kết quả",
    colFinished: "Hoàn thành giải quyết",
    colReturned: "Trả kết quả",
    colStatus: "Trạng thái",
    colNote: "Ghi chú",
    overdue: "Quá hạn",
    onTime: "Đúng hạn",
    total: (n) => `Tổng số: ${n} hồ sơ`,
  },
  status: {
    NEW: "Mới nộp",
    RECEIVED: "Đã tiếp nhận",
    REFUSED: "Từ chối tiếp nhận",
    PROCESSING: "Đang giải quyết",
    SUPPLEMENT_REQUESTED: "Chờ bổ sung hồ sơ",
    AWAITING_FEE: "Chờ thực hiện nghĩa vụ tài chính",
    WITHDRAWN: "Rút hồ sơ",
    STOPPED: "Dừng giải quyết",
    PROCESSED: "Đã có kết quả",
    RETURNED: "Đã trả kết quả",
  },
};

const en: Labels = {
  nation: "SOCIALIST REPUBLIC OF VIET NAM",
  motto: "Independence - Freedom - Happiness",
  formNumber: (n) => `Form No. ${String(n).padStart(2, "0")}`,
  numberPrefix: "No.:",
  dossierCode: "Dossier code:",
  signHint: "(Signature and full name)",
  signSealHint: "(Signature, full name and seal)",
  recipients: "Recipients:",
  defaultRecipients: ["As addressed above;", "Archive copy."],
  dearPrefix: "To:",
  addressee: (name) => `Mr/Ms ${name}`,
  timeLimit: (value, unit) =>
    `${value} ${unit === "WORKING_HOUR" ? "working hour" : "working day"}${value === 1 ? "" : "s"}`,
  procedureCode: "procedure code",

  applicantId: "Personal identification number/ID document:",
  address: "Address:",
  phone: "Phone:",
  email: "E-mail:",
  requestContent: "Request:",

  receipt: {
    title: "DOSSIER RECEIPT AND APPOINTMENT FOR RESULTS",
    scanHint: "Scan to track",
    receivedFrom: (agency) => `${agency} has received the dossier of:`,
    documentsHeading: "1. Documents submitted:",
    colNo: "No.",
    colDocument: "Document",
    colForm: "Form (original, copy, photocopy, electronic)",
    colCopies: "Copies",
    noDocuments: "(No documents attached)",
    dossierSets: (n) => `2. Number of dossier sets: ${n}`,
    timeLimit: "3. Statutory processing time:",
    receivedAt: "4. Received at:",
    dueAt: "5. Results to be returned at:",
    delivery: "6. Results to be collected:",
    trackingBook: (volume, sequence) => `Entered in the dossier tracking book, volume ${volume}, entry ${sequence}`,
    trackAt: (url) => `Track this dossier at: ${url}`,
    submitter: "SUBMITTED BY",
    receiver: "RECEIVED BY",
  },
  documentForm: {
    ORIGINAL: "Original",
    CERTIFIED_COPY: "Certified copy",
    COPY: "Copy",
    PHOTOCOPY: "Photocopy",
    ELECTRONIC: "Electronic",
  },
  delivery: {
    AT_DESK: "One-stop desk (in person)",
    BY_POST: "By public postal service",
    ONLINE: "Online (public service portal)",
  },

  supplement: {
    title: "REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER",
    dossierOf: "Dossier of:",
    intro: (agency) => `Having examined the dossier, ${agency} asks you to supplement and complete it as follows:`,
    reason: "Reason:",
    supplementBy: (date) => `Please supplement the dossier by ${date}.`,
    contact: (officer, phone) =>
      `If you have any difficulty completing the dossier, please contact ${officer}` +
      (phone ? `, phone ${phone},` : "") +
      " for guidance.",
    guide: "GUIDING OFFICER",
  },

  refusal: {
    title: "REFUSAL TO RECEIVE AND PROCESS THE DOSSIER",
    receivedFrom: (agency) => `${agency} has examined the dossier of:`,
    intro: (agency) => `Having examined it, ${agency} declines to receive and process this dossier for the following reasons:`,
    closing: "Please take note and proceed accordingly.",
    receiver: "RECEIVING OFFICER",
  },

  apology: {
    title: "APOLOGY AND PROPOSED EXTENSION OF THE PROCESSING TIME",
    subject: "Re: apology and proposed extension of the processing time",
    received: (date, agency, procedure, code) =>
      `On ${date}, ${agency} received your dossier requesting the procedure “${procedure}”; dossier code: ${code}.`,
    originalDue: (dateTime) => `The results were due at: ${dateTime}.`,
    lateReason: (agency, reason) =>
      `However, ${agency} has not been able to return the results by the date on the receipt slip. Reason: ${reason}`,
    apology: (agency, dateTime) =>
      `We regret the inconvenience this delay has caused you. ${agency} apologises and proposes to extend the time for returning the results to ${dateTime}.`,
    thanks: "Thank you for your understanding.",
  },

  stop: {
    title: "NOTICE",
    subtitle: "Stopping the processing of a dossier",
    received: (date, agency, procedure, code) =>
      `On ${date}, ${agency} received your dossier requesting the procedure “${procedure}”; dossier code: ${code}.`,
    notice: (agency, date, reason) => `${agency} gives notice that it stopped processing this dossier on ${date}. Reason: ${reason}`,
    legalBasis: (basis) => `Legal basis: ${basis}`,
    closing: "This is for your information.",
  },

  control: {
    title: "DOSSIER PROCESSING CONTROL SHEET",
    handlingUnit: "Handling agency (unit):",
    coordinatingUnits: "Coordinating agencies:",
    applicant: "Applicant:",
    procedure: "Procedure:",
    receivedAt: "Received at:",
    dueAt: "Results due at:",
    colNo: "No.",
    colStep: "Step",
    colFrom: "Handed over by (unit, person)",
    colTo: "Received by (unit, person)",
    colAllowance: "Time allowed",
    colReceived: "Received",
    colFinished: "Finished",
    colOutcome: "Result (early/ on time/ late)",
    colNote: "Note",
    duePrefix: "Due:",
    outcome: { EARLY: "Early", ON_TIME: "On time", LATE: "Late" },
  },

  book: {
    title: "DOSSIER TRACKING BOOK",
    period: (from, to) => `From ${from} to ${to}`,
    generatedAt: (dateTime) => `Printed at ${dateTime}`,
    page: (n, total) => `Page ${n}/${total}`,
    colNo: "No.",
    colCode: "Dossier code",
    colProcedure: "Administrative procedure",
    colApplicant: "Applicant (address, phone)",
    colReceived: "Received",
    colDue: "Results due",
    colFinished: "Processed",
    colReturned: "Returned",
    colStatus: "Status",
    colNote: "Note",
    overdue: "Overdue",
    onTime: "On time",
    total: (n) => `Total: ${n} dossier${n === 1 ? "" : "s"}`,
  },
  status: {
    NEW: "Submitted",
    RECEIVED: "Received",
    REFUSED: "Refused at reception",
    PROCESSING: "In processing",
    SUPPLEMENT_REQUESTED: "Awaiting supplement",
    AWAITING_FEE: "Awaiting fee payment",
    WITHDRAWN: "Withdrawn",
    STOPPED: "Processing stopped",
    PROCESSED: "Result ready",
    RETURNED: "Result returned",
  },
};

export const labels: Record<"vi" | "en", Labels> = { vi, en };
