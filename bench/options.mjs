// Command-line options of the bench scripts: `--name value` pairs.
const args = process.argv.slice(2);

/** The value after `name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
}
