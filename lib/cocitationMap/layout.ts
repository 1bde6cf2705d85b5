/**
 * The co-citation map's layout: a force simulation (d3-force) run to rest synchronously, seeded so
 * the same hub always gives the same picture. The paper sits at the centre; each co-cited work is
 * pulled towards a ring whose radius shrinks as it is co-cited more often, links between works pull
 * them together in proportion to their strength, and no two nodes overlap. Positions are clamped so
 * every node and its label stay inside the drawing. Shipped as its own lazily loaded chunk.
 */
import { seededRandom } from '../random';
import { forceCollide, forceLink, forceManyBody, forceRadial, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';

export interface MapNodeInput {
  id: string;
  /** Sampled citing papers that cite both the paper and this work. */
  count: number;
  /** Characters the label needs, so it can be kept inside the drawing. */
  labelLength: number;
}

export interface MapLinkInput {
  source: string;
  target: string;
  strength: number;
}

export interface MapLayoutInput {
  nodes: readonly MapNodeInput[];
  links: readonly MapLinkInput[];
  width: number;
  height: number;
}

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  r: number;
  /** Where the label goes: right of the node, or left of it near the right edge. */
  labelSide: 'left' | 'right';
}

export interface MapLayout {
  nodes: PlacedNode[];
  centre: { x: number; y: number; r: number };
  /** Milliseconds the simulation took (for the benchmark). */
  elapsedMs: number;
}

/** Ticks to rest: alpha decays from 1 to d3's alphaMin (0.001) in exactly this many. */
export const MAP_TICKS = 150;
export const MAX_NODE_RADIUS = 14;
export const MIN_NODE_RADIUS = 4;
export const CENTRE_RADIUS = 9;
/** Label text width per character, in drawing units (11 px system font, average glyph). */
export const LABEL_CHAR_WIDTH = 5.6;
const EDGE_PADDING = 4;

export function seedOf(ids: readonly string[]): number {
  let hash = 2_166_136_261;
  for (const id of ids) {
    for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 16_777_619);
    hash = Math.imul(hash ^ 0x2c, 16_777_619);
  }
  return hash >>> 0;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  r: number;
  ring: number;
}

interface SimLink extends SimulationLinkDatum<SimNode> {
  strength: number;
}

export function nodeRadius(count: number, maxCount: number): number {
  // Area proportional to the count.
  return Math.max(MIN_NODE_RADIUS, MAX_NODE_RADIUS * Math.sqrt(count / Math.max(1, maxCount)));
}

export function layoutCoCitationMap(input: MapLayoutInput): MapLayout {
  const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const { width, height } = input;
  const cx = width / 2;
  const cy = height / 2;
  const maxCount = Math.max(1, ...input.nodes.map((node) => node.count));
  const outer = Math.min(width, height) / 2 - MAX_NODE_RADIUS - EDGE_PADDING;
  // The innermost ring leaves room around the paper's own node and its label.
  const inner = CENTRE_RADIUS + MAX_NODE_RADIUS + 36;
  // Same input order whatever order the caller used: the layout depends on the set, not the list.
  const sorted = [...input.nodes].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const nodes: SimNode[] = sorted.map((node) => ({
    id: node.id,
    r: nodeRadius(node.count, maxCount),
    ring: inner + (outer - inner) * (1 - node.count / maxCount),
  }));
  const known = new Set(nodes.map((node) => node.id));
  const links: SimLink[] = input.links
    .filter((link) => known.has(link.source) && known.has(link.target))
    .map((link) => ({ source: link.source, target: link.target, strength: link.strength }))
    .sort((a, b) => (a.source + a.target < b.source + b.target ? -1 : a.source + a.target > b.source + b.target ? 1 : 0));

  const random = seededRandom(seedOf(nodes.map((node) => node.id)));
  // Seeded start positions on the rings (d3 would otherwise use its phyllotaxis, also deterministic, but blind to the rings).
  for (const node of nodes) {
    const angle = random() * Math.PI * 2;
    node.x = cx + Math.cos(angle) * node.ring;
    node.y = cy + Math.sin(angle) * node.ring;
  }
  const simulation = forceSimulation<SimNode>(nodes)
    .randomSource(random)
    .alphaDecay(1 - Math.pow(0.001, 1 / MAP_TICKS))
    .force('charge', forceManyBody<SimNode>().strength(-90))
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .id((node) => node.id)
        .strength((link) => 0.02 + 0.15 * link.strength)
        .distance(70),
    )
    .force('ring', forceRadial<SimNode>((node) => node.ring, cx, cy).strength(0.8))
    .force('collide', forceCollide<SimNode>((node) => node.r + 6))
    .stop();
  for (let tick = 0; tick < MAP_TICKS; tick += 1) simulation.tick();

  const placed = nodes.map((node, index): PlacedNode => {
    const labelLength = sorted[index]!.labelLength * LABEL_CHAR_WIDTH;
    let x = node.x ?? cx;
    let y = node.y ?? cy;
    // Labels go on the side with more room; the node moves in if even that side is short.
    const labelSide: 'left' | 'right' = x > cx ? 'left' : 'right';
    const minX = labelSide === 'left' ? EDGE_PADDING + node.r + 3 + labelLength : EDGE_PADDING + node.r;
    const maxX = labelSide === 'right' ? width - EDGE_PADDING - node.r - 3 - labelLength : width - EDGE_PADDING - node.r;
    x = Math.min(Math.max(x, Math.min(minX, cx)), Math.max(maxX, cx));
    y = Math.min(Math.max(y, EDGE_PADDING + node.r + 6), height - EDGE_PADDING - node.r - 6);
    return { id: node.id, x: round(x), y: round(y), r: round(node.r), labelSide };
  });
  const ended = typeof performance !== 'undefined' ? performance.now() : Date.now();
  return { nodes: placed, centre: { x: cx, y: cy, r: CENTRE_RADIUS }, elapsedMs: ended - started };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
