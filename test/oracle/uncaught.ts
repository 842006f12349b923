/**
 * Some settings make a library throw asynchronously, outside any promise (pg with `?ssl=false`
 * throws a TypeError from its socket's data handler). Such an error is the attempt's result,
 * not a test failure: attempts claim the errors thrown from their library's files, and any
 * other uncaught error is kept and fails the suite.
 */
const claims = new Set<{ file: string; onError: (error: Error) => void }>();
const unclaimed: Error[] = [];
let installed = false;

export function claimUncaught(file: string, onError: (error: Error) => void): () => void {
  if (!installed) {
    installed = true;
    process.setUncaughtExceptionCaptureCallback((error) => {
      const err = error instanceof Error ? error : new Error(String(error));
      const claim = [...claims].find((c) => err.stack?.includes(c.file));
      if (claim) claim.onError(err);
      else unclaimed.push(err);
    });
  }
  const claim = { file, onError };
  claims.add(claim);
  return () => claims.delete(claim);
}

export function unclaimedErrors(): readonly Error[] {
  return unclaimed;
}
