// Shapes of the satisfaction-index computation: respondents in, indices (fractions 0–1, unrounded)
// out, and the input error thrown when a respondent or the configuration cannot be used.
import type { IndexConfig, MissingKind } from '../forms/model';

/**
 * One question's answer as the index sees it (DOMAIN.md, "Answers and missing values"): a code,
 * a coded don't know / refused / not applicable, skipped by logic, or left unanswered. Only a
 * `code` listed in the configuration's `validCodes` ever enters a denominator.
 */
export type IndexAnswer = { code: number } | { missing: MissingKind } | 'skipped' | 'unanswered';

/** One counted Interview (completed, latest non-conflicting Revision), reduced to what the index needs. */
export interface IndexRespondent {
  /** The Interview id; unique in the sample (it fixes the canonical order of respondents). */
  id: string;
  unitCode: string;
  /** Design weight; 1 when the survey defines none. Finite and > 0. */
  weight?: number;
  /** Question name → answer. A question absent from the record counts as unanswered. */
  answers: Readonly<Record<string, IndexAnswer | undefined>>;
}

/** The part of the form's `IndexConfig` the computation reads. */
export type IndexSettings = Pick<IndexConfig, 'components' | 'satisfiedCodes' | 'validCodes'>;

export interface Interval {
  lo: number;
  hi: number;
}

/** Fractions in [0, 1]; `mean` on the answer scale. `index`/`mean`/`ci` are null when n = 0. */
export interface ItemIndex {
  question: string;
  /** Count of valid answers. */
  n: number;
  /** Kish effective sample size (Σw)²/Σw²; equals n when unweighted. */
  nEffective: number;
  index: number | null;
  mean: number | null;
  ci: Interval | null;
}

export interface ComponentIndex {
  id: string;
  /** Respondents with at least one valid answer on an item of this component. */
  n: number;
  index: number;
  ci: Interval | null;
  /** Every item of the component, in configuration order (items with n = 0 included). */
  items: ItemIndex[];
}

/** The indices of one group of respondents (the city, a Unit, an agency, a surveyor…). */
export interface GroupIndices {
  key: string;
  /** Respondents in the group (counted Interviews), whether or not they answered an index item. */
  respondents: number;
  /** Respondents with at least one valid answer on an index item. */
  n: number;
  /** Overall service index; null when no component has a valid answer. */
  index: number | null;
  ci: Interval | null;
  /** Components with at least one valid answer, in configuration order. */
  components: ComponentIndex[];
  /** Components left out because no respondent of the group gave them a valid answer. */
  componentsMissing: string[];
}

export type IntervalMethod =
  /** Taylor linearisation of the ratio estimators, Wilson form on the Korn–Graubard effective n. */
  | { method: 'linearised' }
  /** Respondent-level percentile bootstrap; deterministic for a seed. */
  | { method: 'bootstrap'; replicates?: number; seed?: number };

export interface IndexOptions {
  /** Interval for component and overall indices (items always use Wilson). Default linearised. */
  interval?: IntervalMethod;
  /** Confidence level; default 0.95. */
  level?: number;
}

export type IndexInputCode = 'duplicate_respondent' | 'invalid_weight' | 'invalid_answer' | 'invalid_config' | 'invalid_option';

/** A caller's mistake in the respondents, the configuration or the options: thrown, nothing computed. */
export class IndexInputError extends Error {
  constructor(
    readonly code: IndexInputCode,
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(`${messageVi} / ${messageEn}`);
    this.name = 'IndexInputError';
  }
}
