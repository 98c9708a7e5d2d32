"use client";

/**
 * Last resort when the root layout itself fails (no header, no translations available):
 * a static bilingual message, no error details.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif", margin: "3rem auto", maxWidth: "40rem", padding: "0 1rem", color: "#1f2937" }}>
        <main role="alert">
          <h1 style={{ color: "#7a1518" }}>Đã xảy ra lỗi</h1>
          <p>Hệ thống gặp sự cố khi xử lý yêu cầu. Vui lòng thử lại sau.</p>
          <p lang="en">Something went wrong. Please try again later.</p>
          {error.digest && <p style={{ fontSize: "0.875rem" }}>Mã tham chiếu / Reference: {error.digest}</p>}
        </main>
        <button type="button" onClick={reset} style={{ marginTop: "1rem", padding: "0.5rem 1rem" }}>
          Thử lại / Try again
        </button>
      </body>
    </html>
  );
}
