// Request bodies read with a hard cap: the bytes past the limit are never buffered, and the
// client learns it was too large instead of the server running out of memory.

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Body exceeds ${limitBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The body ended before its declared Content-Length: something in front of the handler (Next's
 * proxy buffers at most proxyClientMaxBodySize) cut it. Never take a cut file for a whole one.
 */
export class BodyTruncatedError extends Error {
  constructor(readonly declaredBytes: number, readonly receivedBytes: number) {
    super(`Body truncated: ${receivedBytes} of ${declaredBytes} bytes`);
    this.name = "BodyTruncatedError";
  }
}

/** The declared length of a request body, or null. */
export function declaredLength(headers: Headers): number | null {
  const value = Number(headers.get("content-length"));
  return Number.isSafeInteger(value) && value >= 0 && headers.has("content-length") ? value : null;
}

/** The stream, erroring as soon as more than `limitBytes` have passed, or when it ends short of `expectedBytes`. */
export function capStream(stream: ReadableStream<Uint8Array>, limitBytes: number, expectedBytes: number | null = null): ReadableStream<Uint8Array> {
  let seen = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limitBytes) controller.error(new BodyTooLargeError(limitBytes));
        else controller.enqueue(chunk);
      },
      flush(controller) {
        if (expectedBytes !== null && seen < expectedBytes) controller.error(new BodyTruncatedError(expectedBytes, seen));
      },
    }),
  );
}

/** All of a body, at most `limitBytes` (BodyTooLargeError beyond). */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  limitBytes: number,
  expectedBytes: number | null = null,
): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  if (expectedBytes !== null && total < expectedBytes) throw new BodyTruncatedError(expectedBytes, total);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * A multipart/form-data body parsed with a cap on its total size. The parser needs the whole body,
 * so the cap bounds memory; files inside are then checked against their own limits.
 */
export async function readCappedFormData(
  stream: ReadableStream<Uint8Array> | null,
  contentType: string,
  limitBytes: number,
  expectedBytes: number | null = null,
): Promise<FormData> {
  if (!stream) return new FormData();
  try {
    return await new Response(capStream(stream, limitBytes, expectedBytes), { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw findBodyError(error) ?? error;
  }
}

function findBodyError(error: unknown): BodyTooLargeError | BodyTruncatedError | null {
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof BodyTooLargeError || current instanceof BodyTruncatedError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
