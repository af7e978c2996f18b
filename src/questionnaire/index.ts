export { type AnswerIssue, type IssueCode, isAnswered } from './answers.js';
export { answersJsonSchema } from './json-schema.js';
export { type AnswerReview, loadQuestionnaire, type Progress, type Questionnaire, textIn } from './load.js';
export * from './schema.js';
