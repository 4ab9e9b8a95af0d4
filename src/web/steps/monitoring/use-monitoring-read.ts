/**
 * Reading one monitoring file in a worker: progress while it reads, then its results. A new
 * read (or cancel) ends the worker of the previous one, so only one file is read at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudyInput } from '../../../engine/study/study-input.js';
import type {
  MonitoringDoneMessage,
  MonitoringProgressMessage,
  MonitoringReply,
  ReadChoices,
} from './monitoring-messages.js';

export type MonitoringReadState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'reading';
      readonly name: string;
      readonly progress: MonitoringProgressMessage | undefined;
    }
  | { readonly status: 'done'; readonly name: string; readonly reply: MonitoringDoneMessage }
  | { readonly status: 'failed'; readonly name: string; readonly message: string };

export interface MonitoringRead {
  readonly state: MonitoringReadState;
  start(file: Blob, name: string, study: StudyInput, choices: ReadChoices): void;
  cancel(): void;
}

export function useMonitoringRead(): MonitoringRead {
  const worker = useRef<Worker | undefined>(undefined);
  const latest = useRef(0);
  const [state, setState] = useState<MonitoringReadState>({ status: 'idle' });

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
  }, []);

  useEffect(() => stop, [stop]);

  const start = useCallback(
    (file: Blob, name: string, study: StudyInput, choices: ReadChoices) => {
      stop();
      const w = new Worker(new URL('./monitoring.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.current = w;
      latest.current += 1;
      const id = latest.current;
      w.addEventListener('message', (event: MessageEvent<MonitoringReply>) => {
        const reply = event.data;
        if (reply.id !== latest.current) return;
        if (reply.type === 'progress') {
          setState({ status: 'reading', name, progress: reply });
          return;
        }
        setState(
          reply.type === 'done'
            ? { status: 'done', name, reply }
            : { status: 'failed', name, message: reply.message },
        );
        stop();
      });
      w.addEventListener('error', (event) => {
        if (id !== latest.current) return;
        setState({ status: 'failed', name, message: event.message });
        stop();
      });
      setState({ status: 'reading', name, progress: undefined });
      w.postMessage({ id, file, study, choices });
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    latest.current += 1;
    setState({ status: 'idle' });
  }, [stop]);

  return { state, start, cancel };
}
