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

export interface Point {
  x: number;
  y: number;
}

export interface PlacedLink extends StepLink {
  /** SVG path data: `points` with rounded corners. */
  d: string;
  /** The route, horizontal and vertical segments from the side of one box to the side of the other. */
  points: Point[];
  /** Where the label sits, and which of its ends sits there. */
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
  /** Goes to an earlier or the same column (a loop) or is a return: routed under the boxes. */
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
/** The narrowest gap between two columns; it widens when many links run through it. */
const COLUMN_GAP = 70;
const ROW_GAP = 24;
const MARGIN = 16;
/** Between the vertical lines of one gap, and between a gap's side and its nearest line. */
const TRUNK_STEP = 8;
const GAP_PADDING = 10;
/** Room in a gap for the label of a link crossing it to the next column. */
const LABEL_ROOM = 40;
/** Between the horizontal lanes above and below the boxes, and between the boxes and the nearest lane. */
const LANE_STEP = 14;
const LANE_GAP = 14;
/** Room above the top lane for its labels. */
const LABEL_HEIGHT = 12;
const CORNER_RADIUS = 6;
/** Where links meet a box's side, from its top: forward ones in the middle, loops lower on the right. */
const FORWARD_Y = BOX_HEIGHT / 2;
const BACK_IN_Y = BOX_HEIGHT - 22;
const BACK_OUT_Y = BOX_HEIGHT - 10;
const LINE_HEIGHT = 11;

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
 * How a link is drawn. Boxes stand in columns with gaps between them, and only the gaps and the
 * space above and below the boxes are free, so: to the next column, straight through the gap;
 * further forward, over the boxes; back (loops, returns), under them. Vertical lines run in the
 * gaps, one per box side they serve; horizontal ones in lanes, one per target, shared by the links
 * that end there.
 */
type RouteKind = 'direct' | 'over' | 'under';

interface Route {
  link: StepLink;
  from: PlacedStep;
  to: PlacedStep;
  kind: RouteKind;
}

/** The vertical lines of one gap: those serving the boxes on its left, and those serving the boxes on its right. */
interface Gap {
  left: string[];
  right: string[];
}

interface Lane {
  key: string;
  first: number;
  last: number;
  order: number;
}

/**
 * Places steps in columns by longest path from the first step (loops broken where a depth-first
 * walk meets a step still on its path), rows in the order the walk first met them, then routes
 * every link between known steps around the boxes. Returns to the initiator are left to the text
 * alternative. Deterministic: the same definition always gives the same drawing.
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

  // Columns and rows first; coordinates once the routes say how much room they need.
  const rows = new Map<number, number>();
  const placed = new Map<string, PlacedStep>();
  for (const id of preorder) {
    const step = byId.get(id);
    if (!step) continue;
    const column = layer.get(id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    placed.set(id, { step, layer: column, row, x: 0, y: 0 });
  }
  const columns = Math.max(0, ...[...placed.values()].map((p) => p.layer + 1));
  const rowCount = Math.max(0, ...rows.values());

  const routes: Route[] = [];
  for (const step of steps) {
    const from = placed.get(step.id);
    if (!from) continue;
    for (const link of linksOf(step)) {
      const to = placed.get(link.to);
      if (!to) continue;
      const kind: RouteKind = link.kind === 'return' || to.layer <= from.layer ? 'under' : to.layer === from.layer + 1 ? 'direct' : 'over';
      routes.push({ link, from, to, kind });
    }
  }

  // The vertical lines of each gap (gap c lies right of column c), in the order links need them.
  const gaps: Gap[] = Array.from({ length: columns }, () => ({ left: [], right: [] }));
  const trunk = (gap: number, side: keyof Gap, key: string) => {
    const list = gaps[gap]?.[side];
    if (list && !list.includes(key)) list.push(key);
  };
  const lanes = { over: new Map<string, Lane>(), under: new Map<string, Lane>() };
  const lane = (side: keyof typeof lanes, key: string, first: number, last: number) => {
    const found = lanes[side].get(key);
    if (found) {
      found.first = Math.min(found.first, first);
      found.last = Math.max(found.last, last);
    } else {
      lanes[side].set(key, { key, first, last, order: lanes[side].size });
    }
  };
  for (const { from, to, kind } of routes) {
    const source = from.step.id;
    const target = to.step.id;
    if (kind === 'under') {
      trunk(from.layer, 'left', `back-out:${source}`);
      trunk(to.layer, 'left', `back-in:${target}`);
      lane('under', target, to.layer, from.layer);
    } else {
      trunk(from.layer, 'left', `out:${source}`);
      if (kind === 'over') {
        trunk(to.layer - 1, 'right', `in:${target}`);
        lane('over', target, from.layer, to.layer - 1);
      }
    }
  }
  const overLane = stackLanes([...lanes.over.values()]);
  const underLane = stackLanes([...lanes.under.values()]);
  const overCount = Math.max(0, ...[...overLane.values()].map((i) => i + 1));
  const underCount = Math.max(0, ...[...underLane.values()].map((i) => i + 1));

  const gapWidth = gaps.map((gap, c) => {
    const lines = gap.left.length + gap.right.length;
    // Right of the last column, a gap exists only for the loops that leave or enter there.
    if (c === columns - 1) return lines === 0 ? 0 : 2 * GAP_PADDING + (lines - 1) * TRUNK_STEP;
    return Math.max(COLUMN_GAP, 2 * GAP_PADDING + lines * TRUNK_STEP + LABEL_ROOM);
  });
  const columnX: number[] = [];
  for (let c = 0, x = MARGIN; c < columns; c++) {
    columnX.push(x);
    x += BOX_WIDTH + (gapWidth[c] ?? 0);
  }
  const trunkX = (gap: number, key: string): number => {
    const left = (columnX[gap] ?? 0) + BOX_WIDTH;
    const leftIndex = gaps[gap]?.left.indexOf(key) ?? -1;
    if (leftIndex >= 0) return left + GAP_PADDING + leftIndex * TRUNK_STEP;
    const rightIndex = gaps[gap]?.right.indexOf(key) ?? 0;
    return left + (gapWidth[gap] ?? 0) - GAP_PADDING - rightIndex * TRUNK_STEP;
  };

  const rowHeight = BOX_HEIGHT + SUMMARY_HEIGHT + ROW_GAP;
  const boxesTop = MARGIN + (overCount > 0 ? LABEL_HEIGHT + (overCount - 1) * LANE_STEP + LANE_GAP : 0);
  const boxesBottom = boxesTop + rowCount * rowHeight - ROW_GAP;
  for (const p of placed.values()) {
    p.x = columnX[p.layer] ?? MARGIN;
    p.y = boxesTop + p.row * rowHeight;
  }
  const overY = (target: string) => boxesTop - LANE_GAP - (overLane.get(target) ?? 0) * LANE_STEP;
  const underY = (target: string) => boxesBottom + LANE_GAP + (underLane.get(target) ?? 0) * LANE_STEP;

  // Two links between the same pair of steps (e.g. approved and rejected to one end) share a route: their labels stack.
  const seen = new Map<string, number>();
  const links = routes.map(({ link, from, to, kind }): PlacedLink => {
    const pair = `${kind}:${from.step.id}>${to.step.id}`;
    const repeat = seen.get(pair) ?? 0;
    seen.set(pair, repeat + 1);
    const stacked = repeat === 0 ? -4 : LINE_HEIGHT * repeat;
    const source = from.step.id;
    const target = to.step.id;
    let points: Point[];
    let label: Pick<PlacedLink, 'labelX' | 'labelY' | 'labelAnchor'>;
    if (kind === 'under') {
      const out = trunkX(from.layer, `back-out:${source}`);
      const back = trunkX(to.layer, `back-in:${target}`);
      const y = underY(target);
      points = [
        { x: from.x + BOX_WIDTH, y: from.y + BACK_OUT_Y }, { x: out, y: from.y + BACK_OUT_Y }, { x: out, y },
        { x: back, y }, { x: back, y: to.y + BACK_IN_Y }, { x: to.x + BOX_WIDTH, y: to.y + BACK_IN_Y },
      ];
      // On the lane, just before the link turns into it, reading towards its target.
      label = { labelX: out - 4, labelY: y + stacked + 1, labelAnchor: 'end' };
    } else {
      const out = trunkX(from.layer, `out:${source}`);
      const start = { x: from.x + BOX_WIDTH, y: from.y + FORWARD_Y };
      const end = { x: to.x, y: to.y + FORWARD_Y };
      if (kind === 'direct') {
        points = [start, { x: out, y: start.y }, { x: out, y: end.y }, end];
        label = { labelX: out + 4, labelY: end.y + stacked, labelAnchor: 'start' };
      } else {
        const into = trunkX(to.layer - 1, `in:${target}`);
        const y = overY(target);
        points = [start, { x: out, y: start.y }, { x: out, y }, { x: into, y }, { x: into, y: end.y }, end];
        label = { labelX: out + 4, labelY: y + stacked + 1, labelAnchor: 'start' };
      }
    }
    const route = simplified(points);
    return { ...link, backwards: kind === 'under', points: route, d: roundedPath(route, CORNER_RADIUS), ...label };
  });

  const lastColumn = columns - 1;
  const right = columns === 0 ? MARGIN : (columnX[lastColumn] ?? 0) + BOX_WIDTH + (gapWidth[lastColumn] ?? 0);
  return {
    steps: [...placed.values()],
    links,
    width: right + MARGIN,
    height: (underCount > 0 ? boxesBottom + LANE_GAP + (underCount - 1) * LANE_STEP : boxesBottom) + MARGIN,
  };
}

/**
 * A lane index per target: lanes whose spans of gaps meet get different indices. Shorter spans are
 * placed first, nearest the boxes, so longer ones pass around them rather than across.
 */
function stackLanes(lanes: Lane[]): Map<string, number> {
  const taken: Array<Array<[number, number]>> = [];
  const index = new Map<string, number>();
  const ordered = [...lanes].sort((a, b) => a.last - a.first - (b.last - b.first) || a.order - b.order);
  for (const lane of ordered) {
    let i = 0;
    while ((taken[i] ?? []).some(([first, last]) => lane.first <= last && first <= lane.last)) i++;
    (taken[i] ??= []).push([lane.first, lane.last]);
    index.set(lane.key, i);
  }
  return index;
}

/** Drops repeated points and points in the middle of a straight run. */
function simplified(points: readonly Point[]): Point[] {
  const distinct = points.filter((p, i) => i === 0 || p.x !== points[i - 1]?.x || p.y !== points[i - 1]?.y);
  return distinct.filter((p, i) => {
    const before = distinct[i - 1];
    const after = distinct[i + 1];
    if (!before || !after) return true;
    return !((before.x === p.x && p.x === after.x) || (before.y === p.y && p.y === after.y));
  });
}

/** SVG path data along the points, each corner rounded by at most `radius` (less on short segments). */
function roundedPath(points: readonly Point[], radius: number): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const parts = [`M${first.x},${first.y}`];
  rest.forEach((corner, i) => {
    const before = points[i];
    const after = rest[i + 1];
    if (!before || !after) {
      parts.push(`L${corner.x},${corner.y}`);
      return;
    }
    const r = Math.min(radius, distance(before, corner) / 2, distance(corner, after) / 2);
    const toward = (p: Point) => {
      const d = distance(corner, p);
      return { x: corner.x + ((p.x - corner.x) / d) * r, y: corner.y + ((p.y - corner.y) / d) * r };
    };
    const a = toward(before);
    const b = toward(after);
    parts.push(`L${a.x},${a.y}`, `Q${corner.x},${corner.y} ${b.x},${b.y}`);
  });
  return parts.join(' ');
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
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
