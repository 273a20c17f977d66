/** The public questionnaire of the region's evaluation (/evaluatie/:token), without an account. */
export { AnswerPage } from './answer-page';
