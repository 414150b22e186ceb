/** The bare baselines' one activity: a lookup that needs no I/O, so only Temporal's cost shows. */
export const baselineActivities = {
  async lookup(seed: number): Promise<string[]> {
    return [`user-${seed % 7}`];
  },
};

export type BaselineActivities = typeof baselineActivities;
