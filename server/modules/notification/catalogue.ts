// Every notification motcua sends: its key, the channels it goes out on, the variables its text
// may use (an administrator's wording may use these and no others), sample values for the live
// preview, and the default wording per channel and language. An administrator's row in
// NotificationTemplate replaces a default; without one the default here applies. Isomorphic.
import type { Locale } from "../../i18n/core";

export const NOTIFICATION_CHANNELS = ["EMAIL", "SMS", "IN_APP"] as const;
export type Channel = (typeof NOTIFICATION_CHANNELS)[number];

export const TEMPLATE_KEYS = [
  "dossier.submitted",
  "dossier.received",
  "dossier.refused",
  "dossier.supplementRequested",
  "dossier.feeRequested",
  "dossier.resultReady",
  "dossier.resultReturned",
  "dossier.resultPosted",
  "dossier.extended",
  "dossier.withdrawn",
  "dossier.stopped",
  "officer.assigned",
  "officer.digest",
  "account.passwordReset",
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export function isTemplateKey(value: string): value is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(value);
}

/** One wording: the subject (e-mail subject, in-app title; none for SMS) and the body. */
export interface Wording {
  subject?: string;
  body: string;
}

export interface TemplateSpec {
  channels: readonly Channel[];
  variables: readonly string[];
  /** Variables an SMS may shorten to fit one segment (sms-text.ts). */
  shrinkable: readonly string[];
  /** Values for the administration's preview. */
  sample: Readonly<Record<string, string>>;
  defaults: Readonly<Record<Locale, Partial<Record<Channel, Wording>>>>;
}

const DOSSIER_VARS = ["applicantName", "code", "procedureName", "agencyName", "trackingUrl"] as const;
const DOSSIER_SHRINKABLE = ["applicantName", "procedureName", "agencyName"] as const;
const APPLICANT_CHANNELS = ["EMAIL", "SMS", "IN_APP"] as const;

const DOSSIER_SAMPLE = {
  applicantName: "Nguyễn Văn An",
  code: "000.00.53.H26-261208-0001",
  procedureName: "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ",
  agencyName: "Sở Khoa học và Công nghệ Hà Nội",
  trackingUrl: "https://motcua.example.vn/track/000.00.53.H26-261208-0001",
};

function dossierSpec(
  extra: { variables?: readonly string[]; shrinkable?: readonly string[]; sample?: Record<string, string>; channels?: readonly Channel[] },
  defaults: TemplateSpec["defaults"],
): TemplateSpec {
  return {
    channels: extra.channels ?? APPLICANT_CHANNELS,
    variables: [...DOSSIER_VARS, ...(extra.variables ?? [])],
    shrinkable: [...(extra.shrinkable ?? []), ...DOSSIER_SHRINKABLE],
    sample: { ...DOSSIER_SAMPLE, ...extra.sample },
    defaults,
  };
}

const SIGNATURE_VI = "\n\nĐây là thư tự động của Hệ thống thông tin giải quyết thủ tục hành chính, vui lòng không trả lời thư này.";
const SIGNATURE_EN = "\n\nThis is an automatic message from the administrative procedures system; please do not reply to it.";

export const CATALOGUE: Readonly<Record<TemplateKey, TemplateSpec>> = {
  "dossier.submitted": dossierSpec({ channels: ["EMAIL", "IN_APP"] }, {
    vi: {
      EMAIL: {
        subject: "Đã nộp hồ sơ {{code}}",
        body: "Kính gửi {{applicantName}},\n\nHồ sơ {{code}} ({{procedureName}}) đã được gửi tới {{agencyName}}. Cơ quan sẽ kiểm tra và tiếp nhận hồ sơ; thời hạn giải quyết được tính từ khi tiếp nhận.\n\nTheo dõi hồ sơ: {{trackingUrl}}" + SIGNATURE_VI,
      },
      IN_APP: { subject: "Đã nộp hồ sơ {{code}}", body: "Hồ sơ {{code}} đã được gửi tới {{agencyName}} và đang chờ tiếp nhận." },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}} submitted",
        body: "Dear {{applicantName}},\n\nDossier {{code}} ({{procedureName}}) has been sent to {{agencyName}}. The agency will check and receive it; the processing time starts when it is received.\n\nFollow the dossier: {{trackingUrl}}" + SIGNATURE_EN,
      },
      IN_APP: { subject: "Dossier {{code}} submitted", body: "Dossier {{code}} has been sent to {{agencyName}} and awaits reception." },
    },
  }),
  "dossier.received": dossierSpec({ variables: ["dueDate"], sample: { dueDate: "15/12/2026 17:00" } }, {
    vi: {
      EMAIL: {
        subject: "Hồ sơ {{code}} đã được tiếp nhận",
        body: "Kính gửi {{applicantName}},\n\n{{agencyName}} đã tiếp nhận hồ sơ {{code}} ({{procedureName}}).\nNgày hẹn trả kết quả: {{dueDate}}.\n\nTra cứu tình trạng hồ sơ: {{trackingUrl}}" + SIGNATURE_VI,
      },
      SMS: { body: "Ho so {{code}} da duoc tiep nhan, hen tra ket qua {{dueDate}}. Tra cuu: {{trackingUrl}}" },
      IN_APP: { subject: "Hồ sơ {{code}} đã được tiếp nhận", body: "Ngày hẹn trả kết quả: {{dueDate}}." },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}} received",
        body: "Dear {{applicantName}},\n\n{{agencyName}} has received dossier {{code}} ({{procedureName}}).\nResult due: {{dueDate}}.\n\nTrack the dossier: {{trackingUrl}}" + SIGNATURE_EN,
      },
      SMS: { body: "Dossier {{code}} received, result due {{dueDate}}. Track: {{trackingUrl}}" },
      IN_APP: { subject: "Dossier {{code}} received", body: "Result due: {{dueDate}}." },
    },
  }),
  "dossier.refused": dossierSpec({ variables: ["reason"], shrinkable: ["reason"], sample: { reason: "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan." } }, {
    vi: {
      EMAIL: {
        subject: "Hồ sơ {{code}} không được tiếp nhận",
        body: "Kính gửi {{applicantName}},\n\n{{agencyName}} từ chối tiếp nhận hồ sơ {{code}} ({{procedureName}}).\nLý do: {{reason}}\n\nChi tiết: {{trackingUrl}}" + SIGNATURE_VI,
      },
      SMS: { body: "Ho so {{code}} khong duoc tiep nhan. Ly do: {{reason}}. Chi tiet: {{trackingUrl}}" },
      IN_APP: { subject: "Hồ sơ {{code}} không được tiếp nhận", body: "Lý do: {{reason}}" },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}} refused",
        body: "Dear {{applicantName}},\n\n{{agencyName}} refused to receive dossier {{code}} ({{procedureName}}).\nReason: {{reason}}\n\nDetails: {{trackingUrl}}" + SIGNATURE_EN,
      },
      SMS: { body: "Dossier {{code}} refused. Reason: {{reason}}. Details: {{trackingUrl}}" },
      IN_APP: { subject: "Dossier {{code}} refused", body: "Reason: {{reason}}" },
    },
  }),
  "dossier.supplementRequested": dossierSpec(
    {
      variables: ["items", "note", "answerBy", "answerUrl"],
      shrinkable: ["items", "note"],
      sample: { items: "- Biên bản nghiệm thu có chữ ký", note: "Vui lòng nộp bản chụp có đủ chữ ký.", answerBy: "22/12/2026", answerUrl: "https://motcua.example.vn/me/dossiers/000.00.53.H26-261208-0001" },
    },
    {
      vi: {
        EMAIL: {
          subject: "Hồ sơ {{code}} cần bổ sung",
          body: "Kính gửi {{applicantName}},\n\n{{agencyName}} đề nghị bổ sung, hoàn thiện hồ sơ {{code}} ({{procedureName}}):\n{{items}}\n\n{{note}}\n\nVui lòng bổ sung trước {{answerBy}}. Trong thời gian chờ bổ sung, thời hạn giải quyết tạm dừng.\nTrả lời yêu cầu: {{answerUrl}}" + SIGNATURE_VI,
        },
        SMS: { body: "Ho so {{code}} can bo sung: {{items}}. Han: {{answerBy}}. Tra loi: {{answerUrl}}" },
        IN_APP: { subject: "Hồ sơ {{code}} cần bổ sung", body: "Cần bổ sung:\n{{items}}\n{{note}}\nHạn bổ sung: {{answerBy}}." },
      },
      en: {
        EMAIL: {
          subject: "Dossier {{code}} needs a supplement",
          body: "Dear {{applicantName}},\n\n{{agencyName}} asks you to supplement dossier {{code}} ({{procedureName}}):\n{{items}}\n\n{{note}}\n\nPlease answer by {{answerBy}}. The processing time is paused until then.\nAnswer the request: {{answerUrl}}" + SIGNATURE_EN,
        },
        SMS: { body: "Dossier {{code}} needs: {{items}}. By {{answerBy}}. Answer: {{answerUrl}}" },
        IN_APP: { subject: "Dossier {{code}} needs a supplement", body: "Needed:\n{{items}}\n{{note}}\nAnswer by {{answerBy}}." },
      },
    },
  ),
  "dossier.feeRequested": dossierSpec({ variables: ["amount"], sample: { amount: "500.000 đ" } }, {
    vi: {
      EMAIL: {
        subject: "Hồ sơ {{code}}: đề nghị nộp phí, lệ phí",
        body: "Kính gửi {{applicantName}},\n\nĐể tiếp tục giải quyết hồ sơ {{code}} ({{procedureName}}), vui lòng nộp phí, lệ phí: {{amount}}.\n\nChi tiết: {{trackingUrl}}" + SIGNATURE_VI,
      },
      SMS: { body: "Ho so {{code}}: de nghi nop phi, le phi {{amount}}. Chi tiet: {{trackingUrl}}" },
      IN_APP: { subject: "Hồ sơ {{code}}: đề nghị nộp phí", body: "Số tiền: {{amount}}." },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}}: fee requested",
        body: "Dear {{applicantName}},\n\nTo continue processing dossier {{code}} ({{procedureName}}), please pay the fee: {{amount}}.\n\nDetails: {{trackingUrl}}" + SIGNATURE_EN,
      },
      SMS: { body: "Dossier {{code}}: please pay the fee of {{amount}}. Details: {{trackingUrl}}" },
      IN_APP: { subject: "Dossier {{code}}: fee requested", body: "Amount: {{amount}}." },
    },
  }),
  "dossier.resultReady": dossierSpec({ variables: ["resultNumber", "delivery"], sample: { resultNumber: "123/QĐ-SKHCN", delivery: "nhận tại Bộ phận Một cửa" } }, {
    vi: {
      EMAIL: {
        subject: "Hồ sơ {{code}} đã có kết quả",
        body: "Kính gửi {{applicantName}},\n\nHồ sơ {{code}} ({{procedureName}}) đã có kết quả (số {{resultNumber}}). Hình thức nhận: {{delivery}}.\n\nChi tiết: {{trackingUrl}}" + SIGNATURE_VI,
      },
      SMS: { body: "Ho so {{code}} da co ket qua. Nhan: {{delivery}}. Chi tiet: {{trackingUrl}}" },
      IN_APP: { subject: "Hồ sơ {{code}} đã có kết quả", body: "Kết quả số {{resultNumber}}. Hình thức nhận: {{delivery}}." },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}}: the result is ready",
        body: "Dear {{applicantName}},\n\nThe result of dossier {{code}} ({{procedureName}}) is ready (no. {{resultNumber}}). Delivery: {{delivery}}.\n\nDetails: {{trackingUrl}}" + SIGNATURE_EN,
      },
      SMS: { body: "Dossier {{code}}: the result is ready. Delivery: {{delivery}}. Details: {{trackingUrl}}" },
      IN_APP: { subject: "Dossier {{code}}: the result is ready", body: "Result no. {{resultNumber}}. Delivery: {{delivery}}." },
    },
  }),
  "dossier.resultReturned": dossierSpec({ variables: ["returnedDate"], sample: { returnedDate: "16/12/2026" } }, {
    vi: {
      EMAIL: {
        subject: "Hồ sơ {{code}} đã trả kết quả",
        body: "Kính gửi {{applicantName}},\n\nKết quả hồ sơ {{code}} ({{procedureName}}) đã được trả ngày {{returnedDate}}. Mời bạn đánh giá mức độ hài lòng: {{trackingUrl}}" + SIGNATURE_VI,
      },
      SMS: { body: "Ho so {{code}} da tra ket qua ngay {{returnedDate}}. Danh gia: {{trackingUrl}}" },
      IN_APP: { subject: "Hồ sơ {{code}} đã trả kết quả", body: "Đã trả kết quả ngày {{returnedDate}}. Mời bạn đánh giá." },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}}: result returned",
        body: "Dear {{applicantName}},\n\nThe result of dossier {{code}} ({{procedureName}}) was returned on {{returnedDate}}. Please rate the service: {{trackingUrl}}" + SIGNATURE_EN,
      },
      SMS: { body: "Dossier {{code}}: result returned on {{returnedDate}}. Rate: {{trackingUrl}}" },
      IN_APP: { subject: "Dossier {{code}}: result returned", body: "Returned on {{returnedDate}}. Please rate the service." },
    },
  }),
  "dossier.resultPosted": dossierSpec({ variables: ["waybill"], sample: { waybill: "EB123456789VN" } }, {
    vi: {
      EMAIL: {
        subject: "Hồ sơ {{code}}: kết quả đã gửi qua bưu chính",
        body: "Kính gửi {{applicantName}},\n\nKết quả hồ sơ {{code}} ({{procedureName}}) đã được gửi qua dịch vụ bưu chính công ích, số vận đơn {{waybill}}.\n\nChi tiết: {{trackingUrl}}" + SIGNATURE_VI,
      },
      SMS: { body: "Ket qua ho so {{code}} da gui buu chinh, van don {{waybill}}. Chi tiet: {{trackingUrl}}" },
      IN_APP: { subject: "Hồ sơ {{code}}: kết quả đã gửi bưu chính", body: "Số vận đơn: {{waybill}}." },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}}: result sent by post",
        body: "Dear {{applicantName}},\n\nThe result of dossier {{code}} ({{procedureName}}) was sent by post, waybill {{waybill}}.\n\nDetails: {{trackingUrl}}" + SIGNATURE_EN,
      },
      SMS: { body: "Dossier {{code}}: result sent by post, waybill {{waybill}}. Details: {{trackingUrl}}" },
      IN_APP: { subject: "Dossier {{code}}: result sent by post", body: "Waybill: {{waybill}}." },
    },
  }),
  "dossier.extended": dossierSpec(
    { variables: ["previousDueDate", "newDueDate", "reason"], shrinkable: ["reason"], sample: { previousDueDate: "15/12/2026 17:00", newDueDate: "22/12/2026 17:00", reason: "Cần xin ý kiến của cơ quan liên quan." } },
    {
      vi: {
        EMAIL: {
          subject: "Xin lỗi: hồ sơ {{code}} được gia hạn",
          body: "Kính gửi {{applicantName}},\n\n{{agencyName}} thành thật xin lỗi vì hồ sơ {{code}} ({{procedureName}}) chưa giải quyết được đúng hạn {{previousDueDate}}.\nLý do: {{reason}}\nNgày hẹn trả kết quả mới: {{newDueDate}}.\n\nChi tiết: {{trackingUrl}}" + SIGNATURE_VI,
        },
        SMS: { body: "Xin loi: ho so {{code}} gia han den {{newDueDate}}. Ly do: {{reason}}. {{trackingUrl}}" },
        IN_APP: { subject: "Hồ sơ {{code}} được gia hạn", body: "Xin lỗi vì sự chậm trễ. Ngày hẹn mới: {{newDueDate}}. Lý do: {{reason}}" },
      },
      en: {
        EMAIL: {
          subject: "Our apologies: dossier {{code}} extended",
          body: "Dear {{applicantName}},\n\n{{agencyName}} apologises that dossier {{code}} ({{procedureName}}) could not be decided by {{previousDueDate}}.\nReason: {{reason}}\nNew date for the result: {{newDueDate}}.\n\nDetails: {{trackingUrl}}" + SIGNATURE_EN,
        },
        SMS: { body: "Sorry: dossier {{code}} extended to {{newDueDate}}. Reason: {{reason}}. {{trackingUrl}}" },
        IN_APP: { subject: "Dossier {{code}} extended", body: "We apologise for the delay. New date: {{newDueDate}}. Reason: {{reason}}" },
      },
    },
  ),
  "dossier.withdrawn": dossierSpec({ variables: ["reason"], shrinkable: ["reason"], sample: { reason: "Theo đề nghị của người nộp." } }, {
    vi: {
      EMAIL: {
        subject: "Hồ sơ {{code}} đã được rút",
        body: "Kính gửi {{applicantName}},\n\nHồ sơ {{code}} ({{procedureName}}) đã được rút theo đề nghị của người nộp và không được giải quyết tiếp.\nLý do: {{reason}}\n\nChi tiết: {{trackingUrl}}" + SIGNATURE_VI,
      },
      SMS: { body: "Ho so {{code}} da duoc rut theo de nghi. Chi tiet: {{trackingUrl}}" },
      IN_APP: { subject: "Hồ sơ {{code}} đã được rút", body: "Lý do: {{reason}}" },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}} withdrawn",
        body: "Dear {{applicantName}},\n\nDossier {{code}} ({{procedureName}}) was withdrawn at the applicant's request and will not be processed further.\nReason: {{reason}}\n\nDetails: {{trackingUrl}}" + SIGNATURE_EN,
      },
      SMS: { body: "Dossier {{code}} withdrawn at your request. Details: {{trackingUrl}}" },
      IN_APP: { subject: "Dossier {{code}} withdrawn", body: "Reason: {{reason}}" },
    },
  }),
  "dossier.stopped": dossierSpec({ variables: ["reason"], shrinkable: ["reason"], sample: { reason: "Người nộp không bổ sung hồ sơ theo yêu cầu." } }, {
    vi: {
      EMAIL: {
        subject: "Hồ sơ {{code}} dừng giải quyết",
        body: "Kính gửi {{applicantName}},\n\n{{agencyName}} thông báo dừng giải quyết hồ sơ {{code}} ({{procedureName}}).\nLý do: {{reason}}\n\nChi tiết: {{trackingUrl}}" + SIGNATURE_VI,
      },
      SMS: { body: "Ho so {{code}} dung giai quyet. Ly do: {{reason}}. Chi tiet: {{trackingUrl}}" },
      IN_APP: { subject: "Hồ sơ {{code}} dừng giải quyết", body: "Lý do: {{reason}}" },
    },
    en: {
      EMAIL: {
        subject: "Dossier {{code}}: processing stopped",
        body: "Dear {{applicantName}},\n\n{{agencyName}} has stopped processing dossier {{code}} ({{procedureName}}).\nReason: {{reason}}\n\nDetails: {{trackingUrl}}" + SIGNATURE_EN,
      },
      SMS: { body: "Dossier {{code}}: processing stopped. Reason: {{reason}}. Details: {{trackingUrl}}" },
      IN_APP: { subject: "Dossier {{code}}: processing stopped", body: "Reason: {{reason}}" },
    },
  }),
  "officer.assigned": {
    channels: ["EMAIL", "IN_APP"],
    variables: ["officerName", "code", "procedureName", "applicantName", "stepDueDate", "dossierUrl"],
    shrinkable: [],
    sample: { officerName: "Trần Thị Bình", code: DOSSIER_SAMPLE.code, procedureName: DOSSIER_SAMPLE.procedureName, applicantName: DOSSIER_SAMPLE.applicantName, stepDueDate: "10/12/2026 17:00", dossierUrl: "https://motcua.example.vn/officer/dossiers/ckxyz" },
    defaults: {
      vi: {
        EMAIL: {
          subject: "Hồ sơ {{code}} được giao cho bạn",
          body: "Chào {{officerName}},\n\nHồ sơ {{code}} ({{procedureName}}) của {{applicantName}} vừa được giao cho bạn. Hạn xử lý bước: {{stepDueDate}}.\n\nMở hồ sơ: {{dossierUrl}}" + SIGNATURE_VI,
        },
        IN_APP: { subject: "Hồ sơ {{code}} được giao cho bạn", body: "{{procedureName}} — hạn xử lý bước: {{stepDueDate}}." },
      },
      en: {
        EMAIL: {
          subject: "Dossier {{code}} assigned to you",
          body: "Hello {{officerName}},\n\nDossier {{code}} ({{procedureName}}) of {{applicantName}} has just been assigned to you. Step due: {{stepDueDate}}.\n\nOpen the dossier: {{dossierUrl}}" + SIGNATURE_EN,
        },
        IN_APP: { subject: "Dossier {{code}} assigned to you", body: "{{procedureName}} — step due: {{stepDueDate}}." },
      },
    },
  },
  "officer.digest": {
    channels: ["EMAIL", "IN_APP"],
    variables: ["officerName", "date", "overdueCount", "dueSoonCount", "items", "worklistUrl"],
    shrinkable: [],
    sample: {
      officerName: "Trần Thị Bình",
      date: "08/12/2026",
      overdueCount: "1",
      dueSoonCount: "2",
      items: "- [Quá hạn] 000.00.53.H26-261201-0004, hạn 07/12/2026 17:00\n- [Sắp đến hạn] 000.00.53.H26-261203-0011, hạn 09/12/2026 11:30",
      worklistUrl: "https://motcua.example.vn/officer",
    },
    defaults: {
      vi: {
        EMAIL: {
          subject: "Hồ sơ cần xử lý ngày {{date}}: {{overdueCount}} quá hạn, {{dueSoonCount}} sắp đến hạn",
          body: "Chào {{officerName}},\n\nCác hồ sơ bạn đang xử lý cần chú ý hôm nay:\n{{items}}\n\nDanh sách hồ sơ: {{worklistUrl}}" + SIGNATURE_VI,
        },
        IN_APP: { subject: "Hôm nay: {{overdueCount}} hồ sơ quá hạn, {{dueSoonCount}} sắp đến hạn", body: "{{items}}" },
      },
      en: {
        EMAIL: {
          subject: "Dossiers to handle on {{date}}: {{overdueCount}} overdue, {{dueSoonCount}} due soon",
          body: "Hello {{officerName}},\n\nThe dossiers in your hands that need attention today:\n{{items}}\n\nYour worklist: {{worklistUrl}}" + SIGNATURE_EN,
        },
        IN_APP: { subject: "Today: {{overdueCount}} overdue, {{dueSoonCount}} due soon", body: "{{items}}" },
      },
    },
  },
  "account.passwordReset": {
    channels: ["EMAIL"],
    variables: ["name", "resetUrl", "expiresMinutes"],
    shrinkable: [],
    sample: { name: "Nguyễn Văn An", resetUrl: "https://motcua.example.vn/reset-password?token=…", expiresMinutes: "30" },
    defaults: {
      vi: {
        EMAIL: {
          subject: "Đặt lại mật khẩu",
          body: "Chào {{name}},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Mở liên kết sau để đặt mật khẩu mới (dùng được một lần, trong {{expiresMinutes}} phút):\n{{resetUrl}}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không thay đổi." + SIGNATURE_VI,
        },
      },
      en: {
        EMAIL: {
          subject: "Reset your password",
          body: "Hello {{name}},\n\nSomeone asked to reset the password of your account. Open this link to choose a new one (it works once, for {{expiresMinutes}} minutes):\n{{resetUrl}}\n\nIf it was not you, ignore this message; your password stays as it is." + SIGNATURE_EN,
        },
      },
    },
  },
};

/** The default wording of a template on a channel in a language (Vietnamese when English has none). */
export function defaultWording(key: TemplateKey, channel: Channel, locale: Locale): Wording | null {
  const spec = CATALOGUE[key];
  return spec.defaults[locale][channel] ?? spec.defaults.vi[channel] ?? null;
}
