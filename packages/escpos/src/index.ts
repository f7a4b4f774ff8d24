export type { TicketContent, TicketPlaceholder } from './ticket-document';
export {
  DEFAULT_TICKET_TEMPLATE,
  TICKET_PLACEHOLDERS,
  ticketDocument,
  unknownTemplatePlaceholders,
} from './ticket-document';
export { escapeReceiptText } from './receipt-escape';
export type { PaperWidth, PrinterModel } from './ticket-render';
export { toEscPos, toSvg } from './ticket-render';
export type { PrinterState, PrinterStatus } from './printer-status';
// For transports outside this package (the shell's USB printer) that ask the same questions.
export { isStatusByte, STATUS_QUERY, stateFromAnswers } from './printer-status';
export type {
  PrintFailureReason,
  Printer,
  PrinterConfig,
  PrintPreview,
  PrintResult,
} from './printer';
export { openPrinter, printTicket } from './printer';
