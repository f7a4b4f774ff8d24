export type PrinterState =
  'ready' | 'paper_near_end' | 'paper_out' | 'cover_open' | 'offline' | 'no_answer';

export interface PrinterStatus {
  state: PrinterState;
  /** paper_near_end still prints; every other problem refuses the ticket */
  canPrint: boolean;
}

export const statusOf = (state: PrinterState): PrinterStatus => ({
  state,
  canPrint: state === 'ready' || state === 'paper_near_end',
});

/** DLE EOT n: real-time status requests, answered by the printer even while it is offline. */
export const STATUS_QUERY = {
  printer: Uint8Array.of(0x10, 0x04, 1),
  offlineCause: Uint8Array.of(0x10, 0x04, 2),
  errorCause: Uint8Array.of(0x10, 0x04, 3),
  paperSensor: Uint8Array.of(0x10, 0x04, 4),
} as const;

// Bits of the answers, as in Epson's ESC/POS reference for TM thermal printers. Every
// answer has bits 1 and 4 set and bits 0 and 7 clear.
export const STATUS_BITS = {
  fixed: 0x12,
  offline: 0x08, // DLE EOT 1
  coverOpen: 0x04, // DLE EOT 2
  paperEndStop: 0x20, // DLE EOT 2: printing stopped because the paper ran out
  error: 0x40, // DLE EOT 2
  paperNearEnd: 0x0c, // DLE EOT 4
  paperOut: 0x60, // DLE EOT 4
} as const;

export const isStatusByte = (value: number): boolean => (value & 0x93) === STATUS_BITS.fixed;

export interface StatusAnswers {
  printer: number;
  offlineCause: number;
  paperSensor: number;
}

/**
 * One state from the three answers. A stopped printer is told apart by why it stopped
 * (cover, then paper), and a running one by its paper sensor.
 */
export function stateFromAnswers(answers: StatusAnswers): PrinterState {
  const offline = (answers.printer & STATUS_BITS.offline) !== 0;
  const paperOut = (answers.paperSensor & STATUS_BITS.paperOut) !== 0;
  if ((answers.offlineCause & STATUS_BITS.coverOpen) !== 0) return 'cover_open';
  if (paperOut || (answers.offlineCause & STATUS_BITS.paperEndStop) !== 0) return 'paper_out';
  if (offline || (answers.offlineCause & STATUS_BITS.error) !== 0) return 'offline';
  if ((answers.paperSensor & STATUS_BITS.paperNearEnd) !== 0) return 'paper_near_end';
  return 'ready';
}
