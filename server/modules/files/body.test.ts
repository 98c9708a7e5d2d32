import { describe, expect, it } from "vitest";
import { BodyTooLargeError, BodyTruncatedError, readCapped, readCappedFormData } from "./body";

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe("readCapped", () => {
  it("reads a body within the cap", async () => {
    expect(await readCapped(streamOf(new Uint8Array([1, 2]), new Uint8Array([3])), 3)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("stops at the first byte past the cap", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await expect(readCapped(endless, 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled).toBeLessThan(10);
  });

  it("refuses a body shorter than its declared length (cut in front of the handler)", async () => {
    await expect(readCapped(streamOf(new Uint8Array(10)), 100, 20)).rejects.toBeInstanceOf(BodyTruncatedError);
  });
});

describe("readCappedFormData", () => {
  async function post(form: FormData) {
    const request = new Request("http://localhost/", { method: "POST", body: form });
    const bytes = new Uint8Array(await request.arrayBuffer());
    return { bytes, contentType: request.headers.get("content-type")! };
  }

  it("parses fields and files within the cap", async () => {
    const form = new FormData();
    form.append("a.name", "Nguyễn Văn An");
    form.append("file.x", new Blob([new Uint8Array(100)]), "don.pdf");
    const { bytes, contentType } = await post(form);
    const parsed = await readCappedFormData(streamOf(bytes), contentType, bytes.length, bytes.length);
    expect(parsed.get("a.name")).toBe("Nguyễn Văn An");
    expect((parsed.get("file.x") as File).size).toBe(100);
  });

  it("refuses a post over the cap and a truncated one", async () => {
    const form = new FormData();
    form.append("file.x", new Blob([new Uint8Array(5000)]), "lon.pdf");
    const { bytes, contentType } = await post(form);
    await expect(readCappedFormData(streamOf(bytes), contentType, 1000)).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(readCappedFormData(streamOf(bytes.slice(0, 2000)), contentType, 10_000, bytes.length)).rejects.toBeInstanceOf(BodyTruncatedError);
  });
});
