/** The engine-overhead baseline: a workflow that does nothing, so it costs only what Temporal costs. */
export async function emptyWorkflow(): Promise<void> {
  // Nothing to do: starting and completing is the whole measurement.
}
