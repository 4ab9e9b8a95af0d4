/** What a step of the GP workspace is: its place in the method, its strings and its view. */
import type { ComponentType } from 'react';
import type { Strings } from '../i18n/index.js';

export interface StepDefinition {
  /** The URL segment and the i18n namespace (its strings need a `title`). */
  readonly id: string;
  /** The APO GP step it belongs to: 1 getting started … 4 implementation plan. */
  readonly phase: 1 | 2 | 3 | 4 | 5;
  readonly strings: Strings;
  /** Study paths whose problems mark this step in the navigation (`effluent`, `options`, …). */
  readonly paths: readonly string[];
  readonly Component: ComponentType;
}
