import type { ApiError, DisplayBoard, Result } from '@antre/protocol';
import { DisplayBoardSchema } from '@antre/protocol';

export interface LoadedBoard {
  board: DisplayBoard;
  /** hub clock − this device's clock, measured at the middle of the request. */
  clockOffsetMs: number;
}

/** The board's configuration and the hub's clock (calls are judged by the hub's time). */
export async function fetchBoard(hubUrl: string, token: string): Promise<Result<LoadedBoard>> {
  const sentAt = Date.now();
  try {
    const response = await fetch(`${hubUrl}/api/display/board`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body: unknown = await response.json();
    if (!response.ok) {
      const error = (body as { error?: ApiError }).error;
      return { ok: false, error: error ?? { code: 'internal', message: response.statusText } };
    }
    const board = DisplayBoardSchema.parse(body);
    const receivedAt = Date.now();
    return { ok: true, value: { board, clockOffsetMs: board.now - (sentAt + receivedAt) / 2 } };
  } catch {
    return { ok: false, error: { code: 'offline', message: 'The hub could not be reached' } };
  }
}
