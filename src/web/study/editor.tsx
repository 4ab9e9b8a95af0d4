/**
 * One open study: the document being edited, its live results, undo/redo, and saving as a
 * new revision with optimistic concurrency (a stale save comes back as a conflict to resolve,
 * never silently lost). Steps read and write through `useStudy()`.
 */
import {
  createContext,
  useCallback,
  useContext,
  useDeferredValue,
  useMemo,
  useReducer,
  type ReactNode,
} from 'react';
import type { StudyInput } from '../../engine/study/study-input.js';
import { api, ApiError, apiFieldErrors, type StudyView } from '../backend/client.js';
import { documentFromStudy, evaluateLive, type FieldProblem, type LiveResult } from './live.js';
import { pathKey, setAt, type Path } from './paths.js';

const HISTORY_LIMIT = 200;

interface State {
  readonly saved: StudyView;
  readonly input: StudyInput;
  readonly past: readonly StudyInput[];
  readonly future: readonly StudyInput[];
  readonly dirty: boolean;
  readonly saving: boolean;
  /** The server's current study when our save was based on an older revision. */
  readonly conflict: StudyView | undefined;
  /** Problems the server found on the last save attempt. */
  readonly saveProblems: readonly FieldProblem[];
  readonly saveError: string | undefined;
  /** The field of the last edit: keystrokes in one field make one undo step. */
  readonly lastEdited: string | undefined;
}

type Action =
  | { type: 'edit'; change: (study: StudyInput) => StudyInput; coalesce: string | undefined }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saving' }
  | { type: 'saved'; view: StudyView; input: StudyInput }
  | { type: 'conflict'; current: StudyView }
  | { type: 'save-failed'; message: string; problems: readonly FieldProblem[] }
  | { type: 'load'; view: StudyView; input: StudyInput };

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'edit': {
      const coalesce = action.coalesce !== undefined && action.coalesce === state.lastEdited;
      return {
        ...state,
        lastEdited: action.coalesce,
        input: action.change(state.input),
        past: coalesce ? state.past : [...state.past, state.input].slice(-HISTORY_LIMIT),
        future: [],
        dirty: true,
      };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (previous === undefined) return state;
      return {
        ...state,
        lastEdited: undefined,
        input: previous,
        past: state.past.slice(0, -1),
        future: [state.input, ...state.future],
        dirty: true,
      };
    }
    case 'redo': {
      const next = state.future[0];
      if (next === undefined) return state;
      return {
        ...state,
        lastEdited: undefined,
        input: next,
        past: [...state.past, state.input],
        future: state.future.slice(1),
        dirty: true,
      };
    }
    case 'saving':
      return { ...state, saving: true, saveError: undefined, saveProblems: [] };
    case 'saved':
      // Edits made while the save was in flight stay unsaved.
      return {
        ...state,
        saved: action.view,
        saving: false,
        dirty: state.input !== action.input,
        conflict: undefined,
      };
    case 'conflict':
      return { ...state, saving: false, conflict: action.current };
    case 'save-failed':
      return { ...state, saving: false, saveError: action.message, saveProblems: action.problems };
    case 'load':
      return {
        ...state,
        lastEdited: undefined,
        saved: action.view,
        input: action.input,
        past: [...state.past, state.input],
        future: [],
        dirty: false,
        conflict: undefined,
        saveProblems: [],
        saveError: undefined,
      };
  }
}

export interface StudyEditor {
  readonly orgId: string;
  readonly studyId: string;
  readonly canEdit: boolean;
  readonly saved: StudyView;
  readonly input: StudyInput;
  readonly live: LiveResult;
  /** Live problems and the server's problems from the last save attempt. */
  readonly problems: readonly FieldProblem[];
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly conflict: StudyView | undefined;
  readonly saveError: string | undefined;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Sets one field; keystrokes into the same field coalesce into one undo step. */
  edit(path: Path, value: unknown): void;
  /** Replaces the study with a function of it (several fields at once). */
  update(change: (study: StudyInput) => StudyInput): void;
  undo(): void;
  redo(): void;
  save(summary?: string): Promise<void>;
  /** After a conflict: keep my edits and save them over the current revision. */
  overwrite(): Promise<void>;
  /** After a conflict, or on a restored revision: drop my edits and show the server's study. */
  load(view: StudyView, input: StudyInput): void;
}

const StudyContext = createContext<StudyEditor | undefined>(undefined);

export function useStudy(): StudyEditor {
  const editor = useContext(StudyContext);
  if (editor === undefined) throw new Error('useStudy() outside <StudyProvider>');
  return editor;
}

export function StudyProvider(props: {
  readonly orgId: string;
  readonly view: StudyView;
  readonly input: StudyInput;
  readonly canEdit: boolean;
  readonly children: ReactNode;
}) {
  const [state, dispatch] = useReducer(reducer, undefined, () => ({
    saved: props.view,
    input: props.input,
    past: [],
    future: [],
    dirty: false,
    saving: false,
    conflict: undefined,
    saveProblems: [],
    saveError: undefined,
    lastEdited: undefined,
  }));
  // Typing stays responsive: results follow a moment behind on a large study.
  const deferredInput = useDeferredValue(state.input);
  const live = useMemo(() => evaluateLive(deferredInput), [deferredInput]);

  const saveBasedOn = useCallback(
    async (baseRevision: number, input: StudyInput, summary?: string) => {
      dispatch({ type: 'saving' });
      try {
        const view = await api.saveStudy(props.orgId, props.view.id, {
          baseRevision,
          document: documentFromStudy(input),
          ...(summary === undefined ? {} : { summary }),
        });
        dispatch({ type: 'saved', view, input });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          const current = (error.details as { current?: StudyView } | undefined)?.current;
          if (current !== undefined) {
            dispatch({ type: 'conflict', current });
            return;
          }
        }
        dispatch({
          type: 'save-failed',
          message: error instanceof Error ? error.message : String(error),
          problems: apiFieldErrors(error),
        });
      }
    },
    [props.orgId, props.view.id],
  );

  const editor: StudyEditor = {
    orgId: props.orgId,
    studyId: props.view.id,
    canEdit: props.canEdit,
    saved: state.saved,
    input: state.input,
    live,
    problems: [...live.problems, ...state.saveProblems],
    dirty: state.dirty,
    saving: state.saving,
    conflict: state.conflict,
    saveError: state.saveError,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    edit: (path, value) =>
      dispatch({ type: 'edit', change: (s) => setAt(s, path, value), coalesce: pathKey(path) }),
    update: (change) => dispatch({ type: 'edit', change, coalesce: undefined }),
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    save: (summary) => saveBasedOn(state.saved.revision, state.input, summary),
    overwrite: () =>
      saveBasedOn(state.conflict?.revision ?? state.saved.revision, state.input, 'kept my edits'),
    load: (view, input) => dispatch({ type: 'load', view, input }),
  };
  return <StudyContext.Provider value={editor}>{props.children}</StudyContext.Provider>;
}
