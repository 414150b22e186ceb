import type { Step } from '../../../../processes/model';

export type LinkKind = 'next' | 'approved' | 'rejected' | 'case' | 'otherwise' | 'return';

export interface StepLink {
  from: string;
  /** A step id, or "initiator" for a return to the start form. */
  to: string;
  kind: LinkKind;
  /** The 1-based case number of a branch case. */
  caseNumber?: number;
}

export interface PlacedStep {
  step: Step;
  layer: number;
  row: number;
  x: number;
  y: number;
}

export interface PlacedLink extends StepLink {
  /** SVG path data. */
  d: string;
  /** Where the label sits. */
  labelX: number;
  labelY: number;
  /** Goes to an earlier layer (a loop) or is a return: drawn as an arc under the boxes. */
  backwards: boolean;
}

export interface DiagramLayout {
  steps: PlacedStep[];
  links: PlacedLink[];
  width: number;
  height: number;
}

export const BOX_WIDTH = 190;
export const BOX_HEIGHT = 64;
/** Room under each box for its deadline and assignee summary. */
export const SUMMARY_HEIGHT = 34;
const COLUMN_GAP = 70;
const ROW_GAP = 24;
const MARGIN = 16;
const ARC_STEP = 14;

/** Every link a step has, in the order its definition lists them. */
export function linksOf(step: Step): StepLink[] {
  switch (step.kind) {
    case 'approval':
      return [
        { from: step.id, to: step.next.approved, kind: 'approved' },
        { from: step.id, to: step.next.rejected, kind: 'rejected' },
        ...returnLinks(step.id, step.returnTargets),
      ];
    case 'task':
      return [{ from: step.id, to: step.next, kind: 'next' }, ...returnLinks(step.id, step.returnTargets)];
    case 'branch':
      return [
        ...step.cases.map((c, i): StepLink => ({ from: step.id, to: c.next, kind: 'case', caseNumber: i + 1 })),
        { from: step.id, to: step.otherwise, kind: 'otherwise' },
      ];
    case 'effect':
    case 'wait':
      return [{ from: step.id, to: step.next, kind: 'next' }];
    case 'end':
      return [];
  }
}

function returnLinks(from: string, targets: string[] | undefined): StepLink[] {
  return (targets ?? []).map((to) => ({ from, to, kind: 'return' }));
}

/**
 * Places steps in columns by longest path from the first step (loops broken where a depth-first
 * walk meets a step still on its path), rows in the order the walk first met them; links between
 * known steps only. Returns to the initiator are left to the text alternative.
 */
export function layoutDiagram(steps: readonly Step[], firstStep: string): DiagramLayout {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const forward = (id: string): string[] => {
    const step = byId.get(id);
    return step ? linksOf(step).filter((l) => l.kind !== 'return' && byId.has(l.to)).map((l) => l.to) : [];
  };

  // Depth-first walk: preorder for rows, postorder for a topological order, back edges ignored.
  const preorder: string[] = [];
  const postorder: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const backEdges = new Set<string>();
  const visit = (id: string) => {
    state.set(id, 'open');
    preorder.push(id);
    for (const next of forward(id)) {
      const seen = state.get(next);
      if (seen === 'open') backEdges.add(`${id}>${next}`);
      else if (!seen) visit(next);
    }
    state.set(id, 'done');
    postorder.push(id);
  };
  if (byId.has(firstStep)) visit(firstStep);
  for (const step of steps) if (!state.has(step.id)) visit(step.id);

  const layer = new Map<string, number>(steps.map((s) => [s.id, 0]));
  for (const id of [...postorder].reverse()) {
    for (const next of forward(id)) {
      if (backEdges.has(`${id}>${next}`)) continue;
      layer.set(next, Math.max(layer.get(next) ?? 0, (layer.get(id) ?? 0) + 1));
    }
  }

  const rows = new Map<number, number>();
  const placed = new Map<string, PlacedStep>();
  for (const id of preorder) {
    const step = byId.get(id);
    if (!step) continue;
    const column = layer.get(id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    placed.set(id, {
      step, layer: column, row,
      x: MARGIN + column * (BOX_WIDTH + COLUMN_GAP),
      y: MARGIN + row * (BOX_HEIGHT + SUMMARY_HEIGHT + ROW_GAP),
    });
  }

  const columns = Math.max(0, ...[...placed.values()].map((p) => p.layer + 1));
  const rowCount = Math.max(0, ...rows.values());
  const boxesBottom = MARGIN + rowCount * (BOX_HEIGHT + SUMMARY_HEIGHT + ROW_GAP) - ROW_GAP;

  const links: PlacedLink[] = [];
  let arcs = 0;
  for (const step of steps) {
    const from = placed.get(step.id);
    if (!from) continue;
    for (const link of linksOf(step)) {
      const to = placed.get(link.to);
      if (!to) continue;
      const backwards = link.kind === 'return' || to.layer <= from.layer;
      if (!backwards) {
        const x1 = from.x + BOX_WIDTH;
        const y1 = from.y + BOX_HEIGHT / 2;
        const x2 = to.x;
        const y2 = to.y + BOX_HEIGHT / 2;
        const bend = (x2 - x1) / 2;
        links.push({
          ...link, backwards,
          d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`,
          // The middle of the curve: links leaving one box part there, so their labels do not overlap.
          labelX: (x1 + x2) / 2 - 14, labelY: (y1 + y2) / 2 - 5,
        });
      } else {
        // Under every box, each arc a little lower than the last, so they do not overlap.
        arcs += 1;
        const x1 = from.x + BOX_WIDTH / 2 + 10;
        const y1 = from.y + BOX_HEIGHT;
        const x2 = to.x + BOX_WIDTH / 2 - 10;
        const y2 = to.y + BOX_HEIGHT;
        const low = boxesBottom + arcs * ARC_STEP;
        links.push({
          ...link, backwards,
          d: `M${x1},${y1} L${x1},${low} L${x2},${low} L${x2},${y2}`,
          labelX: Math.min(x1, x2) + 6, labelY: low - 3,
        });
      }
    }
  }

  return {
    steps: [...placed.values()],
    links,
    width: MARGIN * 2 + columns * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP,
    height: boxesBottom + (arcs + 1) * ARC_STEP + MARGIN,
  };
}

/** Splits a label into at most `maxLines` lines of about `width` characters, with an ellipsis when cut. */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${(kept[maxLines - 1] ?? '').slice(0, width - 1)}…`;
  return kept;
}
