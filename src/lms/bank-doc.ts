// The bank file as import writes it: the fields of the bank format (v1), in the order trainers
// read them, and the YAML text with the schema line editors use.
import type { Moment, Stage } from '../core/model.js';

export interface ChoiceDoc {
  text: string;
  score?: number;
  correct?: boolean;
  feedback?: string;
}

export interface QuestionDoc {
  id: string;
  type?: 'multi' | 'rank';
  moment?: Moment;
  stage?: Stage;
  tags?: string[];
  scenario?: string;
  prompt: string;
  shuffle?: boolean;
  choices: ChoiceDoc[];
  explanation?: string;
}

export interface BankDoc {
  format: 1;
  bank: string;
  title: string;
  industry: string;
  description?: string;
  questions: QuestionDoc[];
}

export async function bankYaml(doc: BankDoc, schemaRef: string): Promise<string> {
  const yaml = await import('yaml');
  const { Document, isSeq, visit } = yaml.default ?? yaml;
  const document = new Document(doc, { aliasDuplicateObjects: false });
  // Tags on one line, as the built-in banks write them.
  visit(document, {
    Pair(_key, pair) {
      if ((pair.key as { value?: unknown } | null)?.value === 'tags' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  const body = document.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
  return `# yaml-language-server: $schema=${schemaRef}\n${body}`;
}
