export { parseLessonHeader, type LessonHeader } from './header';
export { LESSON_ORDER, sortLessons } from './catalogue';
