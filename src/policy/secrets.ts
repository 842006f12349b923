/**
 * Telling a real secret from a placeholder, and never showing one.
 *
 * Decisions (precision first, but a weak real password is still a real password):
 * - Placeholders (not reported): empty or blank text; text with a template HOLE (the secret is
 *   built from unknown parts, so nothing is hard-coded that we can see); substitution syntax
 *   (`${PASSWORD}`, `$PASSWORD`, `$(cmd)`, `%PASSWORD%`, `{{ pw }}`, `<%= pw %>`, `#{pw}`,
 *   `%s`, `%(pw)s`, `__PW__`, `@@PW@@`); `<password>` and `[password]`; masks made of one
 *   repeated mask character (`***`, `xxx`, `...`, `•••`, `----`); code-like text
 *   (`process.env.X`, `import.meta.env.X`, `env.X`); ALL-CAPS words (`PASSWORD`, `S3RVER`),
 *   as labellers read them; instructions (`YOUR_PASSWORD`,
 *   `your-password-here`, `REPLACE_ME`, `<insert>`, `ENTER_PASSWORD`, `...here`); markers
 *   (to-do and fix-me markers, `TBD`, `placeholder`, `redacted`, `none`, `null`, `undefined`, `n/a`,
 *   `dummy`, `fake`); an UPPER_SNAKE name of a secret (`DB_PASSWORD`, `SMTP_PASS`), which is
 *   an env var name pasted where its value should be.
 * - Real (reported): `changeme`/`change_me`, `changeit`, `password`, `secret`, `admin`, `root`,
 *   `guest`, `test`, `mysecretpassword`, `postgres`: these are well-known weak passwords that
 *   work against default installations, so a literal one in code is a finding.
 */
import { HOLE } from './value';

const MASK_CHARS = new Set(['*', 'x', 'X', '.', '•', '#', '-', '_', '?', '…', '●', '·']);

const MARKER_WORDS = new Set([
  'todo',
  'tbd',
  'tba',
  'fixme',
  'xxx',
  'placeholder',
  'redacted',
  'removed',
  'hidden',
  'masked',
  'omitted',
  'none',
  'null',
  'nil',
  'undefined',
  'na',
  'n/a',
  'empty',
  'dummy',
  'fake',
  'notset',
  'not set',
  'unset',
  'replaceme',
  'replace me',
  'secret here',
  'password here',
  'pass here',
]);

/** A first word that makes the whole text an instruction to the reader. */
const INSTRUCTION_FIRST_WORDS = new Set(['your', 'yours', 'insert', 'enter', 'put', 'replace', 'fill', 'paste']);

const SECRET_NAME_WORDS = /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|KEY|APIKEY|CREDENTIALS?)(?:_|$)/;

function isSubstitution(t: string): boolean {
  if (/^\$\{[^{}]*\}$/.test(t)) return true; // ${PASSWORD}
  if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(t)) return true; // $PASSWORD
  if (/^\$\([^()]*\)$/.test(t)) return true; // $(cat secret)
  if (/^%[A-Za-z_][A-Za-z0-9_]*%$/.test(t)) return true; // %PASSWORD%
  if (t.startsWith('{{') && t.endsWith('}}')) return true; // {{ password }}
  if (t.startsWith('<%') && t.endsWith('%>')) return true; // <%= password %>
  if (/^#\{[^{}]*\}$/.test(t)) return true; // #{password}
  if (t === '%s' || t === '%v' || t === '%d' || /^%\([A-Za-z_][A-Za-z0-9_]*\)s$/.test(t)) return true;
  if (/^(__|@@|%%|##)[A-Za-z0-9_.-]+\1$/.test(t)) return true; // __PASSWORD__, @@PW@@
  if (/^<[^<>]+>$/.test(t)) return true; // <password>
  if (/^\[[A-Za-z _-]+\]$/.test(t)) return true; // [PASSWORD]
  return false;
}

function isCodeText(t: string): boolean {
  return /^(?:process\.env|import\.meta\.env|env|ENV|config|secrets)(?:\.[A-Za-z_$][\w$]*|\[['"][^'"]+['"]\])+$/.test(t);
}

/** Empty, whitespace, template holes and obvious placeholders; see the module comment. */
export function isPlaceholderSecret(text: string): boolean {
  if (typeof text !== 'string') return false;
  const t = text.trim();
  if (t === '') return true;
  if (t.includes(HOLE)) return true;
  if (t.length > 200) return false;
  if ([...t].every((ch) => MASK_CHARS.has(ch))) return true;
  if (isSubstitution(t) || isCodeText(t)) return true;

  const lower = t.toLowerCase();
  const words = lower.split(/[^a-z0-9/]+/).filter((w) => w !== '');
  const normal = words.join(' ');
  if (MARKER_WORDS.has(normal)) return true;
  if (words.length === 0) return false;
  const first = words[0]!;
  if (INSTRUCTION_FIRST_WORDS.has(first) && words.length > 1) return true;
  if (/^(?:your|yours)(?:password|passwd|pass|pwd|secret|token|key|apikey|db|user|username)/.test(first)) return true;
  if (words.length > 1 && words[words.length - 1] === 'here') return true;
  if (/^(?:replaceme|insertpassword|enterpassword|passwordhere|secrethere)$/.test(first) && words.length === 1) return true;
  if (words.every((w) => /^x+$/.test(w))) return true; // xxxx-xxxx
  // An env var name where its value should be: DB_PASSWORD, SMTP_PASS.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(t) && SECRET_NAME_WORDS.test(t)) return true;
  if (isCapitalWord(t)) return true;
  return false;
}

/**
 * An ALL-CAPS word standing where a value should go (`PASSWORD`, `SECRET`, `S3RVER`): capital
 * letters, maybe a few digits or underscores, mostly letters. `ABC123` is a weak password, not
 * a word, and stays real.
 */
function isCapitalWord(t: string): boolean {
  if (!/^[A-Z][A-Z0-9_]*$/.test(t)) return false;
  const letters = t.replace(/[^A-Z]/g, '').length;
  return letters >= 3 && letters >= 2 * (t.length - letters);
}

/**
 * `text` with every one of `secrets` blanked out where it stands as a value (quoted, after `:`
 * or `=`, or as a URL's password), and the password of any URL with userinfo: for diffs,
 * printed files, and comments a rewritten file keeps.
 */
export function blankSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    for (const quote of ["'", '"', '`']) out = out.split(`${quote}${secret}${quote}`).join(`${quote}****${quote}`);
    out = out.replace(new RegExp(`([:=]\\s*)${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g'), '$1****');
  }
  return out.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]*:)[^\s@/'"`]+@/gi, '$1****@');
}

/** Mask a secret for any output: never returns any part of it (always `'****'`). */
export function redact(_text: string): string {
  return '****';
}
