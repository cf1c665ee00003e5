// Which stored revision of an interview counts in indices, exports and the fieldwork dashboard:
// the `current` one (the latest, not in conflict), or — once the analyst has chosen — the chosen
// version of an interview in conflict (conflict_choices, migration 003). Unresolved conflicts do
// not count and are reported. One predicate, written once for both dialects.
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { AnalystDatabase } from './schema';

type WithInterviews = ExpressionBuilder<AnalystDatabase, 'interviews'>;

/** `interviews` row counts: current, or the chosen version of a conflict. */
export function isCounted<EB extends WithInterviews>(eb: EB): ExpressionWrapper<AnalystDatabase, 'interviews', SqlBool> {
  const e = eb as WithInterviews;
  return e.or([
    e('interviews.status', '=', 'current'),
    e.and([
      e('interviews.status', '=', 'conflict'),
      e.exists(
        e
          .selectFrom('conflict_choices')
          .select('conflict_choices.interview_id')
          .whereRef('conflict_choices.interview_id', '=', 'interviews.id')
          .whereRef('conflict_choices.revision', '=', 'interviews.revision')
          .whereRef('conflict_choices.content_hash', '=', 'interviews.content_hash'),
      ),
    ]),
  ]);
}

/** `interviews` row is in a conflict the analyst has not resolved yet. */
export function isUnresolvedConflict<EB extends WithInterviews>(eb: EB): ExpressionWrapper<AnalystDatabase, 'interviews', SqlBool> {
  const e = eb as WithInterviews;
  return e.and([
    e('interviews.status', '=', 'conflict'),
    e.not(
      e.exists(
        e
          .selectFrom('conflict_choices')
          .select('conflict_choices.interview_id')
          .whereRef('conflict_choices.interview_id', '=', 'interviews.id')
          .whereRef('conflict_choices.revision', '=', 'interviews.revision'),
      ),
    ),
  ]);
}
