// The catalogue of coded messages for problems in the input (files, standard input, records).
// Each code has one fixed message; a detail in parentheses may follow it, so that the message
// stays greppable and the code stays stable for scripts: "not valid UTF-8 (invalid byte at 5)".

/** A problem with one input file, or with one record (JSONL line, JSON array item) of it. */
export interface InputError {
  /** One of the keys of INPUT_ERRORS. */
  code: string;
  /** The path as the user gave it, or "<stdin>". */
  file: string;
  /** 1-based line number, for errors about one JSONL line. */
  line?: number;
  message: string;
}

export const INPUT_ERRORS = {
  /** The path does not exist. */
  E_NOT_FOUND: 'no such file',
  /** The path is a directory (or another thing that cannot be read as a file). */
  E_NOT_FILE: 'not a file',
  /** The operating system refused or failed the read (permissions, I/O error). */
  E_READ: 'cannot read file',
  /** "-" was given twice: standard input can only be consumed once. */
  E_STDIN_REUSED: 'standard input was already read',
  /** Nothing but whitespace: no article to analyse. */
  E_EMPTY: 'empty file',
  /** NUL bytes near the start, or undecodable bytes that look like binary data (many control characters). */
  E_BINARY: 'binary or undecodable file',
  /** Text that is not UTF-8: a Latin-1 / Windows-1252 file, a truncated sequence, a UTF-16 file. */
  E_ENCODING: 'not valid UTF-8',
  /** Above the size limit (maxTextChars characters of text, or the matching byte limit). */
  E_TOO_LARGE: 'too large',
  /** A JSONL line or a .json file that JSON.parse rejects. */
  E_JSON: 'invalid JSON',
  /** Valid JSON, but not an object (or, for .json, an array of objects). */
  E_NOT_OBJECT: 'not a JSON object',
  /** The record has no usable "text": missing, not a string, or blank. */
  E_NO_TEXT: 'no text',
} as const;

export type InputErrorCode = keyof typeof INPUT_ERRORS;

/** Builds an error from the catalogue; `detail` is appended in parentheses. */
export function inputError(code: InputErrorCode, file: string, detail?: string, line?: number): InputError {
  const message = detail ? `${INPUT_ERRORS[code]} (${detail})` : INPUT_ERRORS[code];
  return line === undefined ? { code, file, message } : { code, file, line, message };
}

/** "data.jsonl:12: invalid JSON (Unexpected token ...)", or "notes.txt: empty file". */
export function formatInputError(e: InputError): string {
  return e.line === undefined ? `${e.file}: ${e.message}` : `${e.file}:${e.line}: ${e.message}`;
}
