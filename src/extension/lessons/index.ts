export { registerOpenLessonCommand, OPEN_LESSON_COMMAND, LAST_LESSON_CONTEXT, LESSONS_OPENED_CONTEXT } from './openLessonCommand';
export { readLessons, type Lesson } from './lessonCatalogue';
export { watchFirstSpecEdit, SPEC_EDITED_CONTEXT } from './walkthroughContext';
export { registerPresenterCommand, TOGGLE_PRESENTER_COMMAND, PRESENTER_SETTING } from './presenterCommand';
