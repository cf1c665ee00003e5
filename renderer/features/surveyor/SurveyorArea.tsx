// The surveyor's screens: home, start, or one running interview.
import { useAppStore } from '../../stores';
import { InterviewRunner } from '../interview/InterviewRunner';
import { StartScreen } from './StartScreen';
import { SurveyorHome } from './SurveyorHome';

export function SurveyorArea() {
  const view = useAppStore((s) => s.view);
  switch (view.name) {
    case 'home':
      return <SurveyorHome />;
    case 'start':
      return <StartScreen />;
    case 'interview':
      return <InterviewRunner key={view.interviewId} interviewId={view.interviewId} />;
  }
}
