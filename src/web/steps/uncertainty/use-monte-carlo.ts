/**
 * The Monte Carlo of the study being edited: rerun (debounced) whenever the study, the
 * iterations or the seed change; a newer run supersedes an older one still computing.
 */
import { useEffect, useRef, useState } from 'react';
import type { StudyInput } from '../../../engine/study/study-input.js';
import type { MonteCarloReply } from './monte-carlo-messages.js';

export type MonteCarloState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly previous: MonteCarloReply | undefined }
  | { readonly status: 'done'; readonly reply: MonteCarloReply };

const DEBOUNCE_MS = 400;

export function useMonteCarlo(
  study: StudyInput | undefined,
  iterations: number,
  seed: number,
): MonteCarloState {
  const worker = useRef<Worker | undefined>(undefined);
  const latest = useRef(0);
  const [state, setState] = useState<MonteCarloState>({ status: 'idle' });

  useEffect(() => {
    const w = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (event: MessageEvent<MonteCarloReply>) => {
      if (event.data.id === latest.current) setState({ status: 'done', reply: event.data });
    });
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (study === undefined) return undefined;
    const timer = setTimeout(() => {
      latest.current += 1;
      setState((s) => ({
        status: 'running',
        previous: s.status === 'done' ? s.reply : s.status === 'running' ? s.previous : undefined,
      }));
      worker.current?.postMessage({ id: latest.current, study, iterations, seed });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [study, iterations, seed]);

  return state;
}
