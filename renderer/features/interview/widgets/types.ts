// What every question widget receives from Question.tsx.
import type { QuestionView } from '../context';

export interface WidgetProps {
  q: QuestionView;
  /** DOM id of the widget's main control (the question label points at it). */
  id: string;
  /** The form language shown (choice labels). */
  lang: string;
  disabled: boolean;
  describedBy: string | undefined;
}
