import type { DisplayBoard, Result } from '@antre/protocol';
import { DisplayBoardSchema } from '@antre/protocol';
import { callHub } from '@antre/ui';

export interface LoadedBoard {
  board: DisplayBoard;
  /** hub clock − this device's clock, measured at the middle of the request. */
  clockOffsetMs: number;
}

/** The board's configuration and the hub's clock (calls are judged by the hub's time). */
export async function fetchBoard(hubUrl: string, token: string): Promise<Result<LoadedBoard>> {
  const sentAt = Date.now();
  const answer = await callHub('GET /api/display/board', { hub: hubUrl, token });
  if (!answer.ok) return answer;
  // Read as this board's own version of the schema: a newer hub's extra settings get defaults.
  const board = DisplayBoardSchema.safeParse(answer.value);
  if (!board.success)
    return {
      ok: false,
      error: { code: 'offline', message: 'The hub sent a board this display cannot read' },
    };
  const receivedAt = Date.now();
  return {
    ok: true,
    value: { board: board.data, clockOffsetMs: board.data.now - (sentAt + receivedAt) / 2 },
  };
}
