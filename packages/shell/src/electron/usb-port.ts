import type { UsbConfiguration } from 'usb/index.js';
import type { UsbLink, UsbPort } from '../usb-printer';

const PRINTER_CLASS = 0x07;

/**
 * libusb through the `usb` package. It is loaded only when a USB printer is configured: it
 * is a native module, and most kiosks print over the network or through the OS.
 */
export function libUsbPort(timeoutMs = 1_000): UsbPort {
  return {
    async open(vendorId, productId): Promise<UsbLink | null> {
      const { WebUSB } = await import('usb');
      const webusb = new WebUSB({ allowAllDevices: true, deviceTimeout: timeoutMs });
      const device = await webusb.findDeviceByIds(vendorId, productId);
      if (!device) return null;
      await device.open();
      const configuration = device.configuration as UsbConfiguration | null;
      if (!configuration) await device.selectConfiguration(1);
      const interfaces = (device.configuration as UsbConfiguration).interfaces;
      const printer =
        interfaces.find((i) => i.alternate.interfaceClass === PRINTER_CLASS) ?? interfaces[0];
      const endpoints = printer?.alternate.endpoints ?? [];
      const out = endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
      const back = endpoints.find((e) => e.direction === 'in' && e.type === 'bulk');
      if (!printer || !out) {
        await device.close();
        return null;
      }
      // Linux binds usblp to printers; raw access needs it let go for the job.
      if (process.platform === 'linux')
        await device.detachKernelDriver(printer.interfaceNumber).catch(() => undefined);
      await device.claimInterface(printer.interfaceNumber);
      return {
        async write(bytes) {
          const written = await device.nativeTransferOut(out.endpointNumber, timeoutMs * 5, bytes);
          if (written < bytes.length)
            throw new Error(`USB took ${written} of ${bytes.length} bytes`);
        },
        read: async (length) =>
          back ? device.nativeTransferIn(back.endpointNumber, timeoutMs, length) : null,
        async close() {
          await device.releaseInterface(printer.interfaceNumber).catch(() => undefined);
          if (process.platform === 'linux')
            await device.attachKernelDriver(printer.interfaceNumber).catch(() => undefined);
          await device.close();
        },
      };
    },
  };
}
