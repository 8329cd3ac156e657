// Questions that repeat each other (near-duplicate, across every bank linted) or answer each
// other (cross-leak, within a bank).
import { say } from '../../../messages/lint.js';
import type { Bank, Question } from '../../model.js';
import { questionFinding, type LintFinding, type LintRule } from '../finding.js';
import { keyed } from '../keys.js';
import { jaccard } from '../stats.js';
import { isStopword, shingles, stem, words } from '../text.js';
import { DUPLICATE_SIMILARITY, LEAK_MAX_SPREAD, LEAK_PHRASE_WORDS, SET_PHRASE_SPREAD, SHINGLE_WORDS } from '../thresholds.js';

/** What the learner reads before the choices. */
function encounter(question: Question): string {
  return `${question.scenario ?? ''}\n${question.prompt}`;
}

export const nearDuplicate: LintRule = {
  code: 'near-duplicate',
  check(banks, context) {
    const all = banks.flatMap((bank) => bank.questions.map((question, q) => ({ bank, question, q, shingles: shingles(encounter(question), SHINGLE_WORDS) })));
    // Only questions that share a shingle can be alike: an index proposes them, so not every pair
    // is compared. A shingle printed in very many questions ("what do you") is a set phrase that
    // proposes nothing; the similarity itself still counts it.
    const byShingle = new Map<string, number[]>();
    all.forEach((item, i) => {
      for (const s of item.shingles) {
        const list = byShingle.get(s);
        if (list) list.push(i);
        else byShingle.set(s, [i]);
      }
    });
    // Each question is reported once, against the most similar question before it.
    const closest = new Map<number, { other: number; similarity: number }>();
    all.forEach((item, b) => {
      if (context.ignores(item.question, 'near-duplicate')) return;
      const earlier = new Set<number>();
      for (const s of item.shingles) {
        const list = byShingle.get(s)!;
        if (list.length > SET_PHRASE_SPREAD) continue;
        for (const a of list) if (a < b) earlier.add(a);
      }
      for (const a of earlier) {
        if (context.ignores(all[a]!.question, 'near-duplicate')) continue;
        const similarity = jaccard(all[a]!.shingles, item.shingles);
        const known = closest.get(b);
        if (similarity >= DUPLICATE_SIMILARITY && (!known || similarity > known.similarity || (similarity === known.similarity && a < known.other)))
          closest.set(b, { other: a, similarity });
      }
    });
    const findings: LintFinding[] = [];
    for (const [b, { other, similarity }] of [...closest.entries()].sort((x, y) => x[0] - y[0])) {
      const first = all[other]!;
      const second = all[b]!;
      const sameBank = first.bank === second.bank;
      findings.push(
        questionFinding(second.bank, second.q, 'near-duplicate', say.nearDuplicate(similarity, sameBank ? first.question.localId : first.question.id, sameBank), [
          second.question.scenario ? 'scenario' : 'prompt',
        ]),
      );
    }
    return findings;
  },
};

/** A name, number or defining phrase of a key, and how it is matched in other text. */
interface Marker {
  kind: 'name' | 'number' | 'phrase';
  shown: string;
  value: string;
}

interface Reading {
  /** Lowercased words. */
  words: Set<string>;
  /** Runs of LEAK_PHRASE_WORDS content-word stems. */
  phrases: Set<string>;
}

function read(text: string): Reading {
  const list = words(text);
  const content = list.filter((w) => !isStopword(w) && !/^\d+$/.test(w)).map(stem);
  const phrases = new Set<string>();
  for (let i = 0; i + LEAK_PHRASE_WORDS <= content.length; i++) phrases.add(content.slice(i, i + LEAK_PHRASE_WORDS).join(' '));
  return { words: new Set(list), phrases };
}

function has(reading: Reading, marker: Marker): boolean {
  return marker.kind === 'phrase' ? reading.phrases.has(marker.value) : reading.words.has(marker.value);
}

/** Names (capitalised words inside a sentence, acronyms), numbers of two digits or more, and phrases. */
export function markers(text: string): Marker[] {
  const found = new Map<string, Marker>();
  for (const match of text.matchAll(/\b([A-Z][\p{L}&]+|[A-Z]{2,}\d*)\b/gu)) {
    const word = match[1]!;
    const before = text.slice(0, match.index).trimEnd();
    const atSentenceStart = before === '' || /[.!?:;"“‘'(\u2014-]$/.test(before);
    if (atSentenceStart && word !== word.toUpperCase()) continue;
    if (word === 'I') continue;
    found.set(`name:${word.toLowerCase()}`, { kind: 'name', shown: word, value: word.toLowerCase() });
  }
  // Numbers as words() reads them ("£12.99" is 12 and 99), so they can be found in other text.
  for (const match of text.matchAll(/\b\d{2,}\b/g))
    found.set(`number:${match[0]}`, { kind: 'number', shown: match[0], value: match[0] });
  const content = words(text).filter((w) => !isStopword(w) && !/^\d+$/.test(w));
  for (let i = 0; i + LEAK_PHRASE_WORDS <= content.length; i++) {
    const run = content.slice(i, i + LEAK_PHRASE_WORDS);
    const value = run.map(stem).join(' ');
    found.set(`phrase:${value}`, { kind: 'phrase', shown: run.join(' '), value });
  }
  return [...found.values()];
}

export const crossLeak: LintRule = {
  code: 'cross-leak',
  check(banks, context) {
    const findings: LintFinding[] = [];
    for (const bank of banks) findings.push(...leaksIn(bank, context.ignores.bind(context)));
    return findings;
  },
};

/** The choices of a question as a set (order and letter case aside): equal for twins. */
function sameChoices(question: Question): string {
  return question.choices
    .map((c) => words(c.text).join(' '))
    .sort()
    .join('\n');
}

function leaksIn(bank: Bank, ignores: (question: Question, code: 'cross-leak') => boolean): LintFinding[] {
  const findings: LintFinding[] = [];
  // Where each word and phrase is printed (scenario, prompt, choices), question by question.
  const printedIn = new Map<string, number[]>();
  bank.questions.forEach((question, o) => {
    const shown = read([encounter(question), ...question.choices.map((c) => c.text)].join('\n'));
    for (const value of [...[...shown.words].map((w) => `w:${w}`), ...[...shown.phrases].map((p) => `p:${p}`)]) {
      const list = printedIn.get(value);
      if (list) list.push(o);
      else printedIn.set(value, [o]);
    }
  });
  const spread = Math.max(2, Math.floor(LEAK_MAX_SPREAD * bank.questions.length));
  // Twins (item-writing.md) print the same choices under two encounters: a twin's choices hold
  // this key's words because they are this question's choices, which says nothing of which one is
  // right here. Only what a twin's encounter prints can leak.
  const choiceSet = bank.questions.map((question) => sameChoices(question));
  const encounters = bank.questions.map((question) => read(encounter(question)));
  bank.questions.forEach((question, q) => {
    if (ignores(question, 'cross-leak')) return;
    const k = keyed(question);
    const own = read([encounter(question), ...question.choices.filter((_, i) => !k.keys.includes(i)).map((c) => c.text)].join('\n'));
    for (const key of k.keys) {
      const leaks: { marker: Marker; others: string[] }[] = [];
      for (const marker of markers(question.choices[key]!.text)) {
        if (has(own, marker)) continue;
        const where = (printedIn.get(`${marker.kind === 'phrase' ? 'p' : 'w'}:${marker.value}`) ?? []).filter(
          (o) => o !== q && (choiceSet[o] !== choiceSet[q] || has(encounters[o]!, marker)),
        );
        if (where.length > 0 && where.length <= spread) leaks.push({ marker, others: where.map((o) => bank.questions[o]!.localId) });
      }
      if (leaks.length === 0) continue;
      const names = leaks.filter((l) => l.marker.kind !== 'phrase');
      const best = (names.length > 0 ? names : leaks)[0]!;
      const what = `${best.marker.kind} "${best.marker.shown}"`;
      findings.push(questionFinding(bank, q, 'cross-leak', say.crossLeak(what, best.others), ['choices', key, 'text']));
      break;
    }
  });
  return findings;
}
