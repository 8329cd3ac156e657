// What the menu (`mot` alone at a terminal) says.
export const menuMessages = {
  who: 'Who are you?',
  newHire: 'A new hire',
  newHireWhat: 'Practise real encounters from the scenario banks: retail, healthcare, hospitality.',
  student: 'An exam student',
  studentWhat: 'Revise the theory in the review bank, spaced repetition (drill) first.',
  quit: 'Quit',
  quitWhat: 'Leave mot.',
  everything: 'Everything',
  allScenario: 'All scenario banks',
  allReview: 'All review banks',
  drawingFrom: (name: string) => `Questions from ${name.replace(/^Bank: /, '')}.`,
};
