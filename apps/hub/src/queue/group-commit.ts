import type { QueueChange, QueueState } from '@antre/domain';
import type { CommandAck, Result } from '@antre/protocol';
import { errResult } from '@antre/protocol';
import type { Db } from '../db/database';

export type ChangeListener = (change: QueueChange, queue: QueueState) => void;
/** A saved batch's changes, in order, once all are published; `queue` is the state after them. */
export type BatchListener = (changes: QueueChange[], queue: QueueState) => void;

/** A saved change and the queue after it. */
export type Saved = { change: QueueChange; next: QueueState };

/** A decided command waiting for its batch to be saved. */
export interface BatchedCommand {
  /** Its actor and command id: a retry that races the batch gets the same answer. */
  key: string;
  name: string;
  /** Writes the command's change and answer; runs inside the batch's transaction. */
  save: () => void;
  /** What listeners are told once the batch is saved; null for a refused command. */
  published: Saved | null;
  ack: Result<CommandAck>;
}

interface Waiting extends BatchedCommand {
  answer: (result: Result<CommandAck>) => void;
}

/**
 * Group commit: commands decided in the same turn of the event loop are saved together, in
 * one transaction with one fsync, then published (feeds, notifications), then answered: a
 * client that has its answer has already been sent the deltas of its change.
 * `saved(queue)` tells the engine a batch is saved (`queue` after it); `failed()` that it was
 * not, and every command of it is answered with an error.
 */
export function createGroupCommit(
  db: Db,
  engine: { saved: (queue: QueueState | null) => void; failed: () => void },
) {
  let batch: Waiting[] | null = null;
  const answers = new Map<string, { name: string; answer: Promise<Result<CommandAck>> }>();
  const changeListeners: ChangeListener[] = [];
  const batchListeners: BatchListener[] = [];
  /** Batches saved since start, for the benchmarks and crash trials to print. */
  const stats = { batches: 0, commands: 0, largest: 0 };

  function tell(listener: () => void): void {
    try {
      listener();
    } catch (error) {
      console.error('A change listener failed after the change was saved', error);
    }
  }

  /**
   * Tells the listeners of saved changes, one by one, then as one batch (the feeds send one
   * delta per batch). Saved is saved: a listener's bug is logged, not thrown (on setImmediate
   * it would end the hub), and the rest are still told.
   */
  function publish(saved: Saved[]): void {
    const last = saved[saved.length - 1];
    if (!last) return;
    for (const { change, next } of saved)
      for (const listener of changeListeners) tell(() => listener(change, next));
    const changes = saved.map((s) => s.change);
    for (const listener of batchListeners) tell(() => listener(changes, last.next));
  }

  /** Saves the waiting batch in one transaction, then publishes and answers its commands. */
  function saveBatch(): void {
    const saving = batch;
    if (!saving) return;
    batch = null;
    answers.clear();
    try {
      db.transaction(() => {
        for (const command of saving) command.save();
      })();
    } catch (error) {
      engine.failed();
      console.error(`A batch of ${saving.length} command(s) could not be saved`, error);
      const failed = errResult('internal', 'The hub could not save this; nothing was changed');
      for (const command of saving) command.answer(failed);
      return;
    }
    stats.batches += 1;
    stats.commands += saving.length;
    stats.largest = Math.max(stats.largest, saving.length);
    const published = saving.flatMap((command) => command.published ?? []);
    engine.saved(published[published.length - 1]?.next ?? null);
    publish(published);
    for (const command of saving) command.answer(command.ack);
  }

  return {
    /** Adds a decided command to this turn's batch; resolves with its answer once saved. */
    join(command: BatchedCommand): Promise<Result<CommandAck>> {
      if (!batch) {
        batch = [];
        setImmediate(saveBatch);
      }
      const waiting = batch;
      const answer = new Promise<Result<CommandAck>>((resolve) =>
        waiting.push({ ...command, answer: resolve }),
      );
      answers.set(command.key, { name: command.name, answer });
      return answer;
    },
    /** The answer to come of a command in the batch not yet saved, by its key. */
    waiting: (key: string) => answers.get(key),
    /** Saves the waiting batch now (before a day change, a tick, at shutdown). */
    flush: saveBatch,
    /** Tells the listeners of changes saved outside a batch (housekeeping). */
    publish,
    onChange: (listener: ChangeListener) => changeListeners.push(listener),
    onBatch: (listener: BatchListener) => batchListeners.push(listener),
    /** Batches saved since start: how many, their commands, the largest. */
    stats: () => ({ ...stats }),
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
