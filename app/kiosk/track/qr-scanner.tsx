"use client";

// Scans the receipt's QR code with the camera where the browser has the BarcodeDetector API
// (feature-detected); elsewhere it says so and typing remains. The QR holds the tracking URL
// (…/track/<code>) or the bare code.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { codeFromScan } from "./scan";

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

export function QrScanner({ labels }: { labels: { scan: string; hint: string; stop: string; unsupported: string; failed: string } }) {
  const [support, setSupport] = useState<"unknown" | "yes" | "no">("unknown");
  const [scanning, setScanning] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const router = useRouter();

  useEffect(() => {
    const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
    const media = typeof navigator !== "undefined" && !!navigator.mediaDevices?.getUserMedia;
    if (!Detector || !media) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- feature detection runs only in the browser
      setSupport("no");
      return;
    }
    void (Detector.getSupportedFormats?.() ?? Promise.resolve(["qr_code"])).then(
      (formats) => setSupport(formats.includes("qr_code") ? "yes" : "no"),
      () => setSupport("no"),
    );
  }, []);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorClass }).BarcodeDetector;
    const detector = new Detector({ formats: ["qr_code"] });
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        const tick = async () => {
          if (stopped || !video.current) return;
          try {
            for (const found of await detector.detect(video.current)) {
              const code = codeFromScan(found.rawValue);
              if (code) {
                stopped = true;
                router.push(`/kiosk/track/${encodeURIComponent(code)}`);
                return;
              }
            }
          } catch {
            // A frame that cannot be read yet: try the next one.
          }
          timer = window.setTimeout(tick, 300);
        };
        void tick();
      })
      .catch(() => {
        setFailed(true);
        setScanning(false);
      });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning, router]);

  if (support === "unknown") return null;
  if (support === "no") return <p className="mt-4 text-ink-600" data-testid="kiosk-scan-unsupported">{labels.unsupported}</p>;
  return (
    <div className="mt-4">
      {failed && (
        <p role="alert" className="mb-3 font-semibold text-brand-800">
          {labels.failed}
        </p>
      )}
      {scanning ? (
        <>
          <p className="mb-2">{labels.hint}</p>
          <video ref={video} muted playsInline aria-label={labels.hint} className="w-full max-w-md rounded-lg border-4 border-brand-700 bg-ink-900" />
          <button type="button" onClick={() => setScanning(false)} className="btn-primary mt-3 min-h-14 px-8 text-xl">
            {labels.stop}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setScanning(true)} className="btn-primary min-h-14 w-full px-8 text-xl sm:w-auto" data-testid="kiosk-scan">
          {labels.scan}
        </button>
      )}
    </div>
  );
}
