import { describe, expect, it } from 'vitest';
import { LABEL_CHAR_WIDTH, layoutCoCitationMap, nodeRadius, type MapLayoutInput } from '../../lib/cocitationMap/layout';

function mapInput(n: number): MapLayoutInput {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `w${i.toString(16).padStart(3, '0')}`, count: 200 - i * 6, labelLength: 20 }));
  const links = nodes.slice(1).flatMap((node, i) => (i % 2 === 0 ? [{ source: nodes[0]!.id, target: node.id, strength: 0.5 }] : [{ source: nodes[i]!.id, target: node.id, strength: 0.2 }]));
  return { nodes, links, width: 320, height: 300 };
}

describe('co-citation map layout', () => {
  it('is the same picture for the same hub, whatever order the works come in', () => {
    const input = mapInput(30);
    const once = layoutCoCitationMap(input);
    const again = layoutCoCitationMap({ ...input, nodes: [...input.nodes].reverse(), links: [...input.links].reverse() });
    const positions = (layout: typeof once) => Object.fromEntries(layout.nodes.map((node) => [node.id, [node.x, node.y, node.r, node.labelSide]]));
    expect(positions(again)).toEqual(positions(once));
  });

  it('keeps every node and its label inside the drawing, and nodes apart', () => {
    const input = mapInput(30);
    const { nodes } = layoutCoCitationMap(input);
    expect(nodes).toHaveLength(30);
    for (const node of nodes) {
      const label = 20 * LABEL_CHAR_WIDTH + 3;
      const left = node.labelSide === 'left' ? node.x - node.r - label : node.x - node.r;
      const right = node.labelSide === 'right' ? node.x + node.r + label : node.x + node.r;
      expect(left, node.id).toBeGreaterThanOrEqual(0);
      expect(right, node.id).toBeLessThanOrEqual(input.width);
      expect(node.y - node.r).toBeGreaterThanOrEqual(0);
      expect(node.y + node.r).toBeLessThanOrEqual(input.height);
    }
    // Mostly apart: the collision force leaves at most a few slight overlaps after clamping to the edges.
    let overlapping = 0;
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        if (Math.hypot(a.x - b.x, a.y - b.y) < (a.r + b.r) * 0.8) overlapping += 1;
      }
    }
    expect(overlapping).toBeLessThanOrEqual(2);
  });

  it('gives node areas in proportion to the co-citation counts, the most co-cited nearest the paper', () => {
    expect(nodeRadius(100, 100) ** 2 / nodeRadius(25, 100) ** 2).toBeCloseTo(4, 5);
    const { nodes, centre } = layoutCoCitationMap(mapInput(12));
    const distance = (id: string) => {
      const node = nodes.find((candidate) => candidate.id === id)!;
      return Math.hypot(node.x - centre.x, node.y - centre.y);
    };
    expect(distance('w000')).toBeLessThan(distance('w00b'));
  });
});
