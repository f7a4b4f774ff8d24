import type { QueueChange, QueueState } from '@antre/domain';
import type { CommandAck, Result } from '@antre/protocol';
import { errResult } from '@antre/protocol';
import { CommitOutcomeUnknownError } from '../db/storage-errors';
import type { QueueStorage, QueueWrite } from './queue-storage';

export type ChangeListener = (change: QueueChange, queue: QueueState) => void;
/** A saved batch's changes, in order, once all are published; `queue` is the state after them. */
export type BatchListener = (changes: QueueChange[], queue: QueueState) => void;

/** A saved change and the queue after it. */
export type Saved = { change: QueueChange; next: QueueState };

/** A decided command (or a change of the housekeeping) waiting for its batch to be saved. */
export interface BatchedCommand {
  /** Its actor and command id: a retry that races the batch gets the same answer. Null for
   * the housekeeping's changes, which nobody retries. */
  key: string | null;
  name: string;
  /** What the store writes for it, inside the batch's transaction. */
  write: QueueWrite;
  /** What listeners are told once the batch is saved; null for a refused command. */
  published: Saved | null;
  ack: Result<CommandAck>;
}

interface Waiting extends BatchedCommand {
  answer: (result: Result<CommandAck>) => void;
}

/**
 * Group commit: commands decided while no batch is being saved, or while one is, are saved
 * together in one transaction (one fsync on SQLite, one commit on PostgreSQL), then
 * published (feeds, notifications), then answered: a client that has its answer has already
 * been sent the deltas of its change. One batch is saved at a time, in the order decided.
 * `saved(queue)` tells the engine a batch is saved (`queue` after it); `failed()` that it was
 * not: every command of it, and of the batch decided on top of it, is answered with an error.
 */
export function createGroupCommit(
  storage: QueueStorage,
  engine: {
    saved: (queue: QueueState | null) => void;
    failed: () => void;
    /** Reads the saved queue back, after a commit whose outcome is unknown. */
    reload: () => Promise<void>;
  },
) {
  /** Decided, not yet being saved. */
  let batch: Waiting[] | null = null;
  let scheduled = false;
  let pumping: Promise<void> | null = null;
  /** The answers to come of the commands waiting or being saved, by key. */
  const answers = new Map<string, { name: string; answer: Promise<Result<CommandAck>> }>();
  /** Batches finished (saved or failed): a command id looked up across one is looked up again. */
  let finished = 0;
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

  function forget(commands: Waiting[]): void {
    for (const command of commands) if (command.key) answers.delete(command.key);
  }

  /** Saves one batch in one transaction, then publishes and answers its commands. */
  async function save(saving: Waiting[]): Promise<void> {
    try {
      await storage.commit(saving.map((command) => command.write));
    } catch (error) {
      // What was decided since stood on this batch: it goes too, before anything reads it.
      const onTop = batch ?? [];
      batch = null;
      if (error instanceof CommitOutcomeUnknownError) return settleUnknown(saving, onTop, error);
      engine.failed();
      finished += 1;
      console.error(`A batch of ${saving.length} command(s) could not be saved`, error);
      const failed = errResult('internal', 'The hub could not save this; nothing was changed');
      for (const command of [...saving, ...onTop]) command.answer(failed);
      forget([...saving, ...onTop]);
      return;
    }
    finished += 1;
    stats.batches += 1;
    stats.commands += saving.length;
    stats.largest = Math.max(stats.largest, saving.length);
    const published = saving.flatMap((command) => command.published ?? []);
    engine.saved(published[published.length - 1]?.next ?? null);
    publish(published);
    for (const command of saving) command.answer(command.ack);
    forget(saving);
  }

  /**
   * The store cannot say whether the batch was saved: the engine reads the queue back, and
   * each command is answered with what the store holds for it: its saved answer, or an error
   * if it was not saved. The batch decided on top of it is refused. Listeners hear nothing of
   * the batch; the engine's reload sends fresh snapshots.
   */
  async function settleUnknown(
    saving: Waiting[],
    onTop: Waiting[],
    error: CommitOutcomeUnknownError,
  ): Promise<void> {
    console.error(`A batch of ${saving.length} command(s) may or may not be saved`, error);
    finished += 1;
    const failed = errResult('internal', 'The hub could not save this; nothing was changed');
    for (const command of onTop) command.answer(failed);
    forget(onTop);
    try {
      await engine.reload();
    } catch (reloadError) {
      console.error('The queue could not be read back', reloadError);
      engine.failed();
    }
    for (const command of saving) {
      const asked = command.write.command;
      const saved = asked
        ? await storage.findCommand(asked.actor, asked.id).catch(() => undefined)
        : undefined;
      command.answer(saved ? (JSON.parse(saved.result) as Result<CommandAck>) : failed);
    }
    forget(saving);
  }

  async function drain(): Promise<void> {
    while (batch) {
      const saving = batch;
      batch = null;
      try {
        await save(saving);
      } catch (error) {
        // save() answers a store's failure itself; this is a bug past it, logged, not thrown
        // on a setImmediate where it would end the hub.
        console.error('Saving a batch failed unexpectedly', error);
      }
    }
  }

  /**
   * Saves batch after batch until none is waiting; one drain runs at a time. `pumping` is
   * cleared by the drain's own settling, always after it was set (a drain that found nothing
   * to save once left it set for good, and no batch was ever saved again).
   */
  function pump(): Promise<void> {
    if (!pumping) {
      if (!batch) return Promise.resolve();
      pumping = drain().finally(() => {
        pumping = null;
      });
    }
    return pumping;
  }

  return {
    /** Adds a decided command to the next batch; resolves with its answer once saved. */
    join(command: BatchedCommand): Promise<Result<CommandAck>> {
      const waiting = (batch ??= []);
      if (!scheduled) {
        scheduled = true;
        // The rest of this turn's commands join first.
        setImmediate(() => {
          scheduled = false;
          void pump();
        });
      }
      const answer = new Promise<Result<CommandAck>>((resolve) =>
        waiting.push({ ...command, answer: resolve }),
      );
      if (command.key) answers.set(command.key, { name: command.name, answer });
      return answer;
    },
    /** The answer to come of a command waiting or being saved, by its key. */
    waiting: (key: string) => answers.get(key),
    /** How many batches have finished: a lookup that spans one may have missed its commands. */
    finished: () => finished,
    /** Saves what is waiting now and resolves once nothing is (before a day change, at shutdown). */
    async flush(): Promise<void> {
      while (batch || pumping) await pump();
    },
    onChange: (listener: ChangeListener) => changeListeners.push(listener),
    onBatch: (listener: BatchListener) => batchListeners.push(listener),
    /** Batches saved since start: how many, their commands, the largest. */
    stats: () => ({ ...stats }),
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
