// What a running session says about itself: saving, stopping, resuming, submitting.
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const runMessages = {
  saved(answered: number, total: number, resume: string): string {
    if (answered === 0) return 'Nothing was answered.';
    const what = `${plural(answered, 'answer')} ${answered === 1 ? 'is' : 'are'} saved`;
    return answered < total ? `${what}; \`${resume}\` continues where you stopped.` : `${what}.`;
  },
  stopped: (saved: string) => `\nStopped. ${saved}`,
  inputEnded: (answered: number, total: number, saved: string) => `\nThe answers ran out after ${answered} of ${total} questions. ${saved}`,
  notSaved: (question: number, why: string) => `the answer to question ${question} could not be saved: ${why}`,
  notSavedHint: (resume: string) => `The answers before it are kept. When the store is back, \`${resume}\` asks it again.`,
  scriptedAnswer: (letters: string) => `  answer: ${letters}`,
  examIntro: (count: number, passMark: number) => `Exam: ${plural(count, 'question')}, pass mark ${Math.round(passMark * 100)}%. Feedback comes at the end.`,
  examKeys: (unicode: boolean) => (unicode ? '← back · → skip · tab flag' : 'left: back, right: skip, tab: flag'),
  flaggedMark: (unicode: boolean) => (unicode ? '⚑ flagged' : '[flagged]'),
  submitTitle: (unanswered: number, flagged: number) =>
    unanswered === 0 && flagged === 0
      ? 'Every question is answered. Submit?'
      : `Submit? ${plural(unanswered, 'question')} unanswered, ${plural(flagged, 'question')} flagged.`,
  submitNow: (unanswered: number) => (unanswered === 0 ? 'Submit my answers' : `Submit now (unanswered questions score 0 and the exam is not passed)`),
  goTo: (number: number, why: string, label: string) => `Go to question ${number} (${why}): ${label}`,
  resumeEdited: (n: number) =>
    `${plural(n, 'question')} ${n === 1 ? 'was' : 'were'} edited since ${n === 1 ? 'it was' : 'they were'} answered: asked again now (the earlier answer keeps its score in your history).`,
  nextQuestion: 'Enter: next question',
  seeResult: 'Enter: see the result',
  tickOne: 'Tick at least one, or press Enter again to answer none.',
};
