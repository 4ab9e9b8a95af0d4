/**
 * A whole Green Productivity study as the engine evaluates it: plain data in the order of the
 * APO GP methodology's six steps. The study file (src/document) parses into this shape;
 * `evaluateStudy` turns it into every result. Money is in the study's currency (IDR unless
 * stated), fractions (removal efficiency, interest rate) are 0–1.
 */
import type { NumberOrRange } from '../range.js';
import type { StudyUncertainty } from '../uncertainty/study-block.js';

/** A lab result: a number, or a result below/above a detection limit ("< 0.0072"). */
export type MeasuredValue = number | { readonly qualifier: '<' | '>'; readonly value: number };

// ── Step 1: getting started ──────────────────────────────────────────────────────────────

export interface TeamMember {
  readonly name: string;
  readonly role?: string;
}

export interface Organisation {
  readonly name: string;
  readonly sector?: string;
  readonly location?: string;
  readonly products?: string;
  readonly employees?: number;
}

export interface WalkThroughFinding {
  readonly area: string;
  readonly observation: string;
}

// ── Step 2: planning ─────────────────────────────────────────────────────────────────────

export interface Stream {
  readonly name: string;
  readonly quantity: number;
  /** Defaults to the mass balance's unit. */
  readonly unit?: string;
  /** kg/m³, needed only to combine a volume with masses. */
  readonly density?: number;
}

export interface Process {
  readonly name: string;
  readonly inputs: readonly Stream[];
  readonly products: readonly Stream[];
  readonly wastes?: readonly Stream[];
}

export interface MassBalanceInput {
  /** The unit results are expressed in (e.g. `kg/h`). */
  readonly unit: string;
  readonly processes: readonly Process[];
}

/** One period's productivity data: the inputs and outputs, or a ready ratio (Case A). */
export interface ProductivityPeriod {
  readonly label: string;
  /** Output by name (sales, product …); summed. */
  readonly outputs?: Readonly<Record<string, number>>;
  /** Input by category (material, labour, energy, water, waste-treatment, other …). */
  readonly inputs?: Readonly<Record<string, number>>;
  /** A published output/input ratio, when the inputs are not available. */
  readonly ratio?: number;
}

export interface ProductivityInput {
  /** Value (money) or physical (mass) basis; the arithmetic is the same, the label differs. */
  readonly basis: 'value' | 'physical';
  readonly unit?: string;
  readonly periods: readonly ProductivityPeriod[];
  /**
   * Inputs of the whole year by category, when published separately from the periods
   * (Case C); used for partial productivities.
   */
  readonly yearInputs?: Readonly<Record<string, number>>;
}

/** A regulatory limit: exactly one of max (upper), min (lower) or range. */
export interface Limit {
  readonly max?: number;
  readonly min?: number;
  readonly range?: NumberOrRange;
  readonly unit?: string;
  /** Where the limit comes from, e.g. `PerGub Jatim 72/2013, Lampiran III`. */
  readonly citation?: string;
}

/** Traffic-light anchors: the value at which a parameter reaches each level. */
export interface LevelAnchor {
  readonly level: number;
  readonly value: number;
}

/** A permit's maximum pollution load (beban pencemaran maksimum): kg/day, kg/h, or both. */
export interface EffluentLoadLimit {
  readonly perDay?: number;
  readonly perHour?: number;
  readonly citation?: string;
}

export interface EffluentParameter {
  readonly id: string;
  readonly name: string;
  readonly unit?: string;
  readonly measured: MeasuredValue;
  readonly limit?: Limit;
  readonly weight?: number;
  /** Traffic-light: anchors (level → value), or a level given directly (Case B). */
  readonly anchors?: readonly LevelAnchor[];
  readonly level?: number;
  /** Two-sided traffic-light parameters (pH): the ideal value distances are measured from. */
  readonly ideal?: number;
  /** Load limit checked by monitoring (concentration × flow), when the file has a flow column. */
  readonly loadLimit?: EffluentLoadLimit;
}

export type BelowDetectionPolicy = 'limit' | 'half' | 'zero';

export interface EffluentInput {
  /** Id of a regulatory standard set the parameters' limits come from (resolved by the document layer). */
  readonly standard?: string;
  readonly parameters: readonly EffluentParameter[];
}

export interface EpiSettings {
  readonly method: 'deviation' | 'traffic-light';
  readonly belowDetectionLimit: BelowDetectionPolicy;
  /** Traffic-light bands: red below `yellowFrom`, green from `greenFrom` (defaults 3 and 8). */
  readonly bands?: { readonly yellowFrom: number; readonly greenFrom: number };
  /** Traffic-light scoring: interpolated levels, or OMAX whole levels. */
  readonly scoring?: 'interpolated' | 'omax';
  /** Take the parameters' weights from the AHP result with this id. */
  readonly weightsFrom?: string;
}

export type Matrix = readonly (readonly number[])[];

export interface AhpInput {
  readonly id: string;
  readonly items: readonly string[];
  /** One matrix, or one per respondent (aggregated by element-wise geometric mean). */
  readonly matrix?: Matrix;
  readonly respondents?: readonly { readonly name?: string; readonly matrix: Matrix }[];
  readonly method?: 'eigenvector' | 'geometric-mean';
}

export interface LikertInput {
  readonly id: string;
  readonly items: readonly string[];
  readonly scale: { readonly min: number; readonly max: number };
  /** respondents × items */
  readonly responses: readonly (readonly number[])[];
  readonly alpha?: number;
}

export interface SurveyDimension {
  readonly name: string;
  readonly scale: { readonly min: number; readonly max: number };
  /** respondents × items */
  readonly responses: readonly (readonly number[])[];
}

export type CauseCategory =
  'man' | 'machine' | 'method' | 'material' | 'environment' | 'measurement' | 'other';

export interface Cause {
  readonly category: CauseCategory;
  readonly text: string;
}

export interface Problem {
  readonly id: string;
  readonly title: string;
  readonly causes?: readonly Cause[];
}

export interface GoalTarget {
  readonly problem?: string;
  readonly goal: string;
  readonly target: string;
}

// ── Step 3: generation and evaluation of GP options ──────────────────────────────────────

export interface CostItem {
  readonly item: string;
  readonly amount: number;
  /** Units bought (amount is per unit); default 1. */
  readonly quantity?: number;
}

export interface OptionEconomics {
  readonly investment: readonly CostItem[];
  readonly annualCosts?: readonly CostItem[];
  readonly annualBenefits?: readonly CostItem[];
  readonly life: number;
  readonly interestRate: number;
  readonly salvage?: number;
}

export interface OptionEffects {
  /** Removal efficiency (0–1) per effluent parameter id. */
  readonly removal?: Readonly<Record<string, NumberOrRange>>;
  /** Changes (deltas) to productivity input categories and outputs. */
  readonly inputChanges?: Readonly<Record<string, number>>;
  readonly outputChanges?: Readonly<Record<string, number>>;
  readonly waste?: { readonly before: number; readonly after: number; readonly unit?: string };
}

export interface GpOption {
  readonly id: string;
  readonly name: string;
  readonly problem?: string;
  readonly description?: string;
  readonly economics?: OptionEconomics;
  readonly effects?: OptionEffects;
  /** Values for the sieve criteria, by criterion id (numbers, ranges, or yes/no). */
  readonly sieve?: Readonly<Record<string, NumberOrRange | boolean>>;
  /** Scores for the weighted-sum criteria, by criterion id. */
  readonly scores?: Readonly<Record<string, number>>;
}

export interface SieveCriterion {
  readonly id: string;
  readonly name: string;
  /** max: eliminated when the value exceeds the cutoff; min: when below; required: when no. */
  readonly kind: 'max' | 'min' | 'required';
  readonly cutoff?: number;
}

export interface SieveInput {
  readonly problem?: string;
  readonly criteria: readonly SieveCriterion[];
  /** Options screened here; default: every option of the problem. */
  readonly options?: readonly string[];
}

export interface WeightedSumInput {
  readonly problem?: string;
  readonly criteria: readonly {
    readonly id: string;
    readonly name: string;
    readonly weight: number;
  }[];
  readonly options?: readonly string[];
}

export type DecisionRule = 'bcr' | 'npv' | 'annual-worth' | 'incremental-irr';

// ── Step 4: implementation plan ──────────────────────────────────────────────────────────

export interface PlanAction {
  readonly goal: string;
  readonly target: string;
  readonly action: string;
  readonly responsible: string;
  readonly executor: string;
  readonly option?: string;
  readonly schedule?: string;
}

// ── Step 5: the audit ───────────────────────────────────────────────────────────────────

/** A value a paper or a colleague published, to be checked against the computed one. */
export interface PublishedValue {
  /** Path of the computed result, e.g. `epi.total`, `options.alt-1.economics.bcr`. */
  readonly result: string;
  readonly value: number;
  /** Decimal places as printed ("1,34" → 2), the rounding the comparison allows. */
  readonly decimals: number;
  /** Printed as a percentage ("97,3 %"): value is then the percentage number. */
  readonly percent: boolean;
  /** The text as printed. */
  readonly text: string;
  readonly where?: string;
  readonly note?: string;
}

// ── The study ────────────────────────────────────────────────────────────────────────────

export interface StudyInput {
  readonly lestari: 1;
  readonly language: 'id' | 'en';
  readonly numberFormat?: 'id' | 'en';
  readonly study: {
    readonly title: string;
    readonly organisation: Organisation;
    readonly team?: readonly TeamMember[];
    readonly period?: string;
    readonly source?: { readonly citation: string; readonly url?: string };
  };
  readonly walkThrough?: readonly WalkThroughFinding[];
  readonly massBalance?: MassBalanceInput;
  readonly productivity?: ProductivityInput;
  readonly effluent?: EffluentInput;
  readonly epi?: EpiSettings;
  readonly weights?: {
    readonly ahp?: readonly AhpInput[];
    readonly likert?: readonly LikertInput[];
  };
  readonly survey?: readonly SurveyDimension[];
  readonly problems?: readonly Problem[];
  readonly goals?: readonly GoalTarget[];
  readonly options?: readonly GpOption[];
  readonly screening?: {
    readonly sieve?: readonly SieveInput[];
    readonly weightedSum?: readonly WeightedSumInput[];
  };
  readonly decisionRule?: DecisionRule;
  readonly implementation?: readonly PlanAction[];
  readonly published?: readonly PublishedValue[];
  /** Inputs declared uncertain, with the Monte Carlo's iterations and seed (issue 6). */
  readonly uncertainty?: StudyUncertainty;
}
