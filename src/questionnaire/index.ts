export { type AnswerIssue, type IssueCode, isAnswered } from './answers.js';
export { bundledQuestionnaire, defaultQuestionnaire } from './bundled.js';
export { answersJsonSchema } from './json-schema.js';
export { type LoadQuestionnaireOptions, loadQuestionnaire } from './load.js';
export {
  type AnswerReview,
  type MissingAnswer,
  type Progress,
  type Questionnaire,
  type QuestionnaireFacts,
  type QuestionnaireOrigin,
  textIn,
} from './runtime.js';
export * from './schema.js';
