// What `mot banks` says, and the words around the problems `mot validate` lists.
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const banksMessages = {
  noBank: 'No bank is loaded. Add a folder with --content DIR or MOT_CONTENT.',
  /** After a bank's id and title. */
  bankFacts: (industry: string, questions: number, passMark: number) =>
    `(${industry}, ${plural(questions, 'question')}, pass mark ${Math.round(passMark * 100)}%)`,
  /** The labels of a bank's lines, padded alike by the renderer. */
  labels: { types: 'types', moments: 'moments', stages: 'stages', file: 'file' },
  none: '-',
  total: (banks: number, questions: number) => `${plural(banks, 'bank')}, ${plural(questions, 'question')}.`,
  /** The kind of a located problem, between its place and its message. */
  severity: (severity: 'error' | 'warning') => severity,
};
