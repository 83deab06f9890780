export { parseLessonHeader, type LessonHeader } from './header';
export { LESSON_ORDER, sortLessons } from './catalogue';
export { QUADRANTS, quadrantOf, predictionAt, nextPredictionStep, judgePrediction, type Quadrant, type PredictionQuestion } from './predict';
