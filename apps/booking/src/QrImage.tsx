import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR of `text` as an image (a data: URL, which the hub's CSP allows for images), with the
 * four-module quiet zone scanners expect. */
export function QrImage({ text, size, label }: { text: string; size: number; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(text, { margin: 4, width: size, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? (
    <img className="qr" src={src} alt={label} width={size} height={size} />
  ) : (
    <div className="qr qr-pending" aria-hidden="true" />
  );
}
