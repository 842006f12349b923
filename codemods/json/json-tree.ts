/**
 * A JSON document with the source range of every value, so a codemod can rewrite one object
 * and keep the rest of the file byte for byte. Throws on text that is not JSON.
 */
export type JsonNode =
  | { kind: 'object'; start: number; end: number; members: JsonMember[] }
  | { kind: 'array'; start: number; end: number; elements: JsonNode[] }
  | { kind: 'literal'; start: number; end: number; value: string | number | boolean | null };

export interface JsonMember {
  key: string;
  /** From the key's opening quote to the end of the value. */
  start: number;
  end: number;
  value: JsonNode;
}

export function parseJson(text: string): JsonNode {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`JSON: ${what} at offset ${i}`);
  };
  const space = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    if (text[i] !== '"') fail('expected a string');
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): JsonNode => {
    space();
    const start = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      const members: JsonMember[] = [];
      space();
      if (text[i] === '}') return { kind: 'object', start, end: ++i, members };
      for (;;) {
        space();
        const memberStart = i;
        const key = string();
        space();
        if (text[i++] !== ':') fail('expected ":"');
        const v = value();
        members.push({ key, start: memberStart, end: v.end, value: v });
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return { kind: 'object', start, end: ++i, members };
        else fail('expected "," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      const elements: JsonNode[] = [];
      space();
      if (text[i] === ']') return { kind: 'array', start, end: ++i, elements };
      for (;;) {
        elements.push(value());
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return { kind: 'array', start, end: ++i, elements };
        else fail('expected "," or "]"');
      }
    }
    if (ch === '"') return { kind: 'literal', start, end: (string(), i), value: JSON.parse(text.slice(start, i)) as string };
    const match = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!match) return fail('unexpected character');
    i += match[0].length;
    return { kind: 'literal', start, end: i, value: JSON.parse(match[0]) as number | boolean | null };
  };
  const root = value();
  space();
  if (i !== text.length) fail('unexpected text after the document');
  return root;
}
