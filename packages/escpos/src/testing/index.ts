export { decodeEscPos } from '../escpos-decoder';
export type { DecodedEscPos } from '../escpos-decoder';
export { startFakePrinter } from './fake-printer';
export type { FakePrinter, FakePrinterState } from './fake-printer';
export { sampleTicket } from './sample-ticket';
