// How the rules read wording: words, content words (function words and the words every
// service answer uses left out), a light stem so "apologises" meets "apologise", and steps.

/** Lowercase words, with apostrophes inside words kept ("don't") and possessive 's dropped. */
export function words(text: string): string[] {
  return (text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? []).map((w) =>
    w.replace(/'s$/, ''),
  );
}

/** A light suffix stripper: enough for plural, -ing, -ed and -ly forms to meet their stem. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

// Function words, and words so common in service wording that sharing one says nothing.
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between
  both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from
  further had hadn't has hasn't have haven't having he her here hers herself him himself his how i if in into is isn't
  it its itself just let me more most much my myself no nor not now of off on once one only or other our ours
  ourselves out over own same she should shouldn't so some such than that the their theirs them themselves then there
  these they this those through to too under until up us very was wasn't we were weren't what when where which while
  who whom whose why will with won't would wouldn't you your yours yourself yourselves
  get gets got go goes going make makes made take takes took give gives gave say says said tell tells told ask asks
  asked come comes came put puts see sees want wants need needs know knows like way thing things something someone
  anything everything there's it's that's you're they're i'm we're you'll we'll they'll i'll you've we've
  customer customers guest guests patient patients shopper shoppers visitor visitors staff colleague colleagues
  manager team shop store hotel ward today now still back away first second third two three four five minute minutes`.split(/\s+/),
);

/** Stems of the words that carry content: no function words, nothing under four letters. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) if (w.length >= 4 && !STOPWORDS.has(w) && !/^\d+$/.test(w)) out.add(stem(w));
  return out;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

// The verbs of service responses: a clause that starts with one (after a subject or an adverb)
// is one thing done. Matched by stem, so "asks", "asking" and "asked" count as "ask".
const ACTION_VERBS = new Set(
  `accept accompany acknowledge add admit agree alert allow answer apologise apologize approve argue arrange ask assess
  assure blame book bring buy call cancel carry catch change charge check clean clear close collect come compensate
  confirm contact continue correct cover deal decline delete deny direct discount do email enforce escalate escort excuse
  explain fetch fill find finish fix fold follow forward get give go greet guide hand hang help hold honour honor hurry
  ignore inform insist interrupt introduce invite keep knock leave lend let listen lock log look make mark match measure
  mention message monitor move note notify offer open order organise organize page pass pay phone plan point post prepare
  press print prioritise prioritize process promise provide push put read reassure rebook recommend record refund refuse
  register remind remove repair repeat replace reply report request reschedule respond return review ring say schedule
  search seat see send serve set share shout show sign sit smile sort speak stand start stay stop suggest summon swap
  switch take tape tell text thank track train transfer try turn unlock update upgrade use waive wait walk warn wash watch
  welcome wish write`.split(/\s+/).map(stem),
);
const SUBJECTS = new Set(['you', 'i', 'we', 'she', 'he', 'they', 'staff', 'also', 'first', 'quietly', 'politely', 'calmly', 'immediately', 'briefly', 'simply', 'just', 'gently', 'quickly', 'personally', 'then', 'now', 'still', 'only']);

/**
 * How many things a response does: its clauses, split at commas, semicolons, colons, brackets,
 * dashes, "and" and "then", counting those that start with an action verb (after a subject or
 * an adverb: "you check", "quietly ask"). A clause that argues or describes ("because …",
 * "so that …", "which …") starts with no such verb and is not a step. At least 1.
 */
export function steps(text: string): number {
  const clauses = text
    .toLowerCase()
    .replace(/[\u2018\u2019"“”]/g, ' ')
    .split(/[,;:()\u2013\u2014]|\s-\s|\band then\b|\band\b|\bthen\b/)
    .map((c) => c.trim().split(/\s+/).filter(Boolean));
  let count = 0;
  for (const clause of clauses) {
    let i = 0;
    while (i < clause.length - 1 && SUBJECTS.has(clause[i]!)) i += 1;
    const lead = clause[i];
    if (lead && ACTION_VERBS.has(stem(lead.replace(/[^a-z]/g, '')))) count += 1;
  }
  return Math.max(1, count);
}

/** Character length as read: spaces collapsed. */
export function length(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}

/** Word n-grams ("shingles") of the text's words, as strings. */
export function shingles(text: string, n: number): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  if (list.length < n) {
    if (list.length > 0) out.add(list.join(' '));
    return out;
  }
  for (let i = 0; i + n <= list.length; i++) out.add(list.slice(i, i + n).join(' '));
  return out;
}
