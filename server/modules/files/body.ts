// Request bodies read with a hard cap: the bytes past the limit are never buffered, and the
// client learns it was too large instead of the server running out of memory.

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Body exceeds ${limitBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/** The stream, erroring as soon as more than `limitBytes` have passed through it. */
export function capStream(stream: ReadableStream<Uint8Array>, limitBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limitBytes) controller.error(new BodyTooLargeError(limitBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** All of a body, at most `limitBytes` (BodyTooLargeError beyond). */
export async function readCapped(stream: ReadableStream<Uint8Array> | null, limitBytes: number): Promise<Uint8Array> {
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
): Promise<FormData> {
  if (!stream) return new FormData();
  try {
    return await new Response(capStream(stream, limitBytes), { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw findTooLarge(error) ?? error;
  }
}

function findTooLarge(error: unknown): BodyTooLargeError | null {
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof BodyTooLargeError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
