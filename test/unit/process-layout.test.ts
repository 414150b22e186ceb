import type { Step } from '../../processes';
import { defaultDefinitions } from '../../processes/defaults';
import {
  BOX_HEIGHT, BOX_WIDTH, layoutDiagram, linksOf, SUMMARY_HEIGHT, type DiagramLayout, type PlacedStep, type Point,
} from '../../web/src/components/processes/process-layout';

/** What a box covers on screen: the box and the deadline and assignee lines under it. */
function footprint(placed: PlacedStep) {
  return { left: placed.x, right: placed.x + BOX_WIDTH, top: placed.y, bottom: placed.y + BOX_HEIGHT + SUMMARY_HEIGHT };
}

/** Whether a horizontal or vertical segment passes through the inside of a box (running along its edge does not). */
function crosses(a: Point, b: Point, placed: PlacedStep): boolean {
  const box = footprint(placed);
  const overlaps = (lo: number, hi: number, from: number, to: number) => Math.max(Math.min(from, to), lo) < Math.min(Math.max(from, to), hi);
  if (a.y === b.y) return box.top < a.y && a.y < box.bottom && overlaps(box.left, box.right, a.x, b.x);
  if (a.x === b.x) return box.left < a.x && a.x < box.right && overlaps(box.top, box.bottom, a.y, b.y);
  return false; // diagonal: reported on its own
}

const onBorder = (p: Point, placed: PlacedStep) => {
  const box = footprint(placed);
  return (p.x === box.left || p.x === box.right) && box.top < p.y && p.y < placed.y + BOX_HEIGHT;
};

/** Every problem of a layout, as readable lines; [] when every link is routed around the boxes. */
function problemsOf(layout: DiagramLayout): string[] {
  const byId = new Map(layout.steps.map((p) => [p.step.id, p]));
  const problems: string[] = [];
  for (const link of layout.links) {
    const name = `${link.from} → ${link.to} (${link.kind})`;
    const [from, to] = [byId.get(link.from), byId.get(link.to)];
    if (!from || !to) {
      problems.push(`${name}: an end is not drawn`);
      continue;
    }
    const first = link.points[0];
    const last = link.points[link.points.length - 1];
    if (!first || !last || !onBorder(first, from) || !onBorder(last, to)) problems.push(`${name}: does not start and end on its boxes' sides`);
    for (let i = 1; i < link.points.length; i++) {
      const [a, b] = [link.points[i - 1]!, link.points[i]!];
      if (a.x !== b.x && a.y !== b.y) problems.push(`${name}: segment ${i} is diagonal`);
      // Its own boxes too: a link may touch them only where it leaves and arrives.
      for (const placed of layout.steps) {
        if (crosses(a, b, placed)) problems.push(`${name}: segment ${i} crosses "${placed.step.id}"`);
      }
    }
    for (const placed of layout.steps) {
      const box = footprint(placed);
      if (box.left < link.labelX && link.labelX < box.right && box.top < link.labelY && link.labelY < box.bottom) {
        problems.push(`${name}: its label sits on "${placed.step.id}"`);
      }
    }
    const inside = link.points.every((p) => p.x >= 0 && p.x <= layout.width && p.y >= 0 && p.y <= layout.height);
    if (!inside) problems.push(`${name}: leaves the drawing`);
  }
  for (const a of layout.steps) {
    for (const b of layout.steps) {
      const [fa, fb] = [footprint(a), footprint(b)];
      if (a !== b && fa.left < fb.right && fb.left < fa.right && fa.top < fb.bottom && fb.top < fa.bottom) {
        problems.push(`boxes "${a.step.id}" and "${b.step.id}" overlap`);
      }
    }
  }
  return problems;
}

const end = (id: string): Step => ({ id, kind: 'end', name: { id, en: id }, outcome: 'approved' });
const task = (id: string, next: string, returnTargets?: string[]): Step => ({
  id, kind: 'task', name: { id, en: id }, assignees: [{ kind: 'initiator' }], next, ...(returnTargets ? { returnTargets } : {}),
});

describe('the process diagram layout', () => {
  test.each(defaultDefinitions.map((d) => [d.key, d] as const))(
    'when the default process %s is drawn, then every link is drawn and none passes through a box',
    (_key, definition) => {
      const layout = layoutDiagram(definition.steps, definition.firstStep);
      const drawable = definition.steps.flatMap(linksOf).filter((l) => definition.steps.some((s) => s.id === l.to));
      expect(layout.links).toHaveLength(drawable.length);
      expect(layout.steps).toHaveLength(definition.steps.length);
      expect(problemsOf(layout)).toEqual([]);
      // The same definition always gives the same drawing.
      expect(layoutDiagram(definition.steps, definition.firstStep)).toEqual(layout);
    },
  );

  test('when links skip columns, loop back and return, then each goes around the boxes: forward over them, back under them', () => {
    const steps: Step[] = [
      {
        id: 'cabang', kind: 'branch', name: { id: 'Cabang', en: 'Branch' },
        cases: [{ when: { '==': [1, 1] }, next: 'selesai' }, { when: { '==': [1, 2] }, next: 'c' }], otherwise: 'a',
      },
      task('a', 'b'),
      task('b', 'c', ['a', 'b']),
      task('c', 'cabang', ['a']),
      end('selesai'),
    ];
    const layout = layoutDiagram(steps, 'cabang');
    expect(problemsOf(layout)).toEqual([]);
    const link = (from: string, to: string, kind: string) => {
      const found = layout.links.find((l) => l.from === from && l.to === to && l.kind === kind);
      if (!found) throw new Error(`no link ${from} → ${to}`);
      return found;
    };
    const boxesTop = Math.min(...layout.steps.map((p) => p.y));
    const boxesBottom = Math.max(...layout.steps.map((p) => p.y + BOX_HEIGHT + SUMMARY_HEIGHT));
    // cabang → c skips a and b: over the boxes, arriving from the left.
    const skip = link('cabang', 'c', 'case');
    expect(Math.min(...skip.points.map((p) => p.y))).toBeLessThan(boxesTop);
    expect(skip.backwards).toBe(false);
    // c → cabang loops back and b → a returns: under the boxes, arriving from the right, dashed returns included.
    for (const back of [link('c', 'cabang', 'next'), link('b', 'a', 'return'), link('b', 'b', 'return')]) {
      expect(Math.max(...back.points.map((p) => p.y))).toBeGreaterThan(boxesBottom);
      expect(back.backwards).toBe(true);
      expect(back.labelAnchor).toBe('end');
    }
    // Rounded corners: the path has a curve at each bend.
    expect(skip.d).toMatch(/^M[\d.]+,[\d.]+ L.* Q/);
  });

  test('when a link is drawn straight through a box, then the check above reports it (the check itself works)', () => {
    const layout = layoutDiagram([task('a', 'b'), task('b', 'c'), end('c')], 'a');
    const [a, , c] = layout.steps;
    if (!a || !c) throw new Error('three steps expected');
    const straight = { ...layout.links[0]!, to: 'c', points: [{ x: a.x + BOX_WIDTH, y: a.y + 32 }, { x: c.x, y: c.y + 32 }] };
    expect(problemsOf({ ...layout, links: [straight] })).toEqual(['a → c (next): segment 1 crosses "b"']);
  });

  test('when a definition names a step that does not exist, then that link is left out and the rest is still drawn', () => {
    const layout = layoutDiagram([task('a', 'nowhere', ['initiator']), end('b')], 'a');
    expect(layout.links).toEqual([]);
    expect(layout.steps.map((p) => p.step.id).sort()).toEqual(['a', 'b']);
    expect(layoutDiagram([], 'a')).toMatchObject({ steps: [], links: [] });
  });
});
