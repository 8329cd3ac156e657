// What `mot validate` says.
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const validateMessages = {
  badFormat: (format: string) => `--format must be text or json, not "${format}".`,
  missing: 'no such file or folder.',
  allValid: (files: number, questions: number) => `${plural(files, 'file')} checked, ${plural(questions, 'question')}: all valid.`,
  someInvalid: (files: number, errors: number, badFiles: number) =>
    `${plural(files, 'file')} checked: ${plural(errors, 'problem')} in ${plural(badFiles, 'file')}.`,
  nothingFound: 'No .yaml or .yml file was found there.',
};
