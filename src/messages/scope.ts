// What is said about the banks a session draws from when it names none (the scenario banks).
export const scopeMessages = {
  onlyInReview: 'no question of the scenario banks matches these filters.',
  onlyInReviewHint: (count: number, banks: readonly string[]) =>
    `${count} question${count === 1 ? '' : 's'} in ${banks.length === 1 ? `the bank ${banks[0]}` : `the banks ${banks.join(', ')}`} ${count === 1 ? 'matches' : 'match'}: ` +
    `a session without -b or -i leaves the review bank out, so add -b ${banks.join(' ')}.`,
};
