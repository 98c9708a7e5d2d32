// What motcua needs from an e-mail service, whatever carries it (SMTP today).

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Content-ID for an inline image (referenced as cid:… from the HTML). */
  cid?: string;
}

export interface EmailMessage {
  /**
   * The Message-ID, without angle brackets, made by the caller and the same on every retry of
   * one message: a receiver that keeps what it has seen (our SMTP stand-in does) drops a repeat.
   */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
  /** Extra headers (X-Motcua-Delivery...). */
  headers?: Record<string, string>;
}

export interface EmailSent {
  /** The server's id for the message (an SMTP server's "queued as" id), else the Message-ID. */
  providerMessageId: string;
}

export interface EmailProvider {
  readonly name: string;
  send(message: EmailMessage): Promise<EmailSent>;
  close(): Promise<void>;
}

/** A refusal or failure of the e-mail service; `permanent` when retrying cannot help (a 5xx answer). */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "EmailSendError";
  }
}
