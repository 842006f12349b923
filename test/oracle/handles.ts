/**
 * Network handles that must all be closed when a suite ends: a leak fails the run. Timers are
 * not counted: the hook running this check holds one itself.
 */
const NETWORK = new Set(['TCPWrap', 'TCPServerWrap', 'TLSWrap', 'UDPWrap', 'GetAddrInfoReqWrap']);

export async function expectNoOpenHandles(): Promise<void> {
  let open: string[] = [];
  // Closed handles go away within a few turns of the event loop; count turns, not time.
  for (let turn = 0; turn < 50; turn++) {
    open = process.getActiveResourcesInfo().filter((name) => NETWORK.has(name));
    if (open.length === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`handles left open: ${open.join(', ')}`);
}
