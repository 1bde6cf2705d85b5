import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LABEL_CHAR_WIDTH, type MapLayout, type PlacedNode } from '../../lib/cocitationMap/layout';
import type { CoCitationLink, CoCitedWork } from '../../lib/domain/view';
import { displayTitle } from '../shared/displayText';
import { formatCount, formatStrength } from '../shared/format';
import type { SaveControls } from '../shared/SaveButton';
import { loadMapLayout } from './mapLayout';
import { QuickView } from './QuickView';

export interface CoCitationMapProps {
  works: readonly CoCitedWork[];
  links: readonly CoCitationLink[];
  save: SaveControls;
}

/** Drawing units; the SVG scales to the panel's width, so at 320 px everything still fits. */
const WIDTH = 320;
const HEIGHT = 300;
const LABEL_CHARS = 20;
/** Works labelled at all times (the most co-cited); the others show their label on hover and focus. */
const ALWAYS_LABELLED = 8;

/**
 * The works labelled at all times: the most co-cited first, up to ALWAYS_LABELLED, skipping any whose
 * label would overlap one already kept (those show on hover and focus, like the rest).
 */
function permanentLabels(order: readonly string[], placed: ReadonlyMap<string, PlacedNode>, labels: ReadonlyMap<string, string>, centre: MapLayout['centre']): Set<string> {
  // "This paper" under the centre node is always there.
  const kept = [{ left: centre.x - 28, right: centre.x + 28, top: centre.y + centre.r + 2, bottom: centre.y + centre.r + 14 }];
  const result = new Set<string>();
  for (const id of order) {
    if (result.size >= ALWAYS_LABELLED) break;
    const node = placed.get(id);
    if (!node) continue;
    const width = (labels.get(id)?.length ?? 0) * LABEL_CHAR_WIDTH;
    const left = node.labelSide === 'right' ? node.x + node.r + 3 : node.x - node.r - 3 - width;
    const box = { left, right: left + width, top: node.y - 8, bottom: node.y + 4 };
    if (kept.some((other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top)) continue;
    kept.push(box);
    result.add(id);
  }
  return result;
}

function labelOf(title: string): string {
  const short = displayTitle(title).short;
  return short.length > LABEL_CHARS ? `${short.slice(0, LABEL_CHARS - 1).trimEnd()}…` : short;
}

/**
 * The paper (centre) and its co-cited works as a node–link picture: node area by co-citation count,
 * links from the works' own co-citation. Every node is a focusable button (Tab, or arrow keys between
 * nodes); Enter opens its quick view below the picture.
 */
export function CoCitationMap({ works, links, save }: CoCitationMapProps) {
  const [layout, setLayout] = useState<MapLayout | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const nodeRefs = useRef(new Map<string, SVGGElement>());
  const byId = useMemo(() => new Map(works.map((work) => [work.paper.paperId, work])), [works]);

  useEffect(() => {
    let cancelled = false;
    setFailure(null);
    loadMapLayout().then(
      (layoutMap) => {
        if (cancelled) return;
        const nodes = works.map((work) => ({ id: work.paper.paperId, count: work.count, labelLength: labelOf(work.paper.title).length }));
        setLayout(layoutMap({ nodes, links, width: WIDTH, height: HEIGHT }));
      },
      (error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [works, links]);

  if (failure) return <p class="ch-section-failure" role="alert">The map could not be drawn ({failure}). The list shows the same works.</p>;
  if (!layout) return <p class="ch-section-status" role="status">Drawing the map…</p>;

  const placed = new Map(layout.nodes.map((node) => [node.id, node]));
  // Keyboard order: the list's order (most co-cited first), whatever the layout did.
  const order = works.map((work) => work.paper.paperId).filter((id) => placed.has(id));
  const focusNode = (index: number) => nodeRefs.current.get(order[(index + order.length) % order.length]!)?.focus();
  const onKeyDown = (event: KeyboardEvent, id: string) => {
    const index = order.indexOf(id);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setOpenId((current) => (current === id ? null : id));
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      event.preventDefault();
      focusNode(index + 1);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusNode(index - 1);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusNode(event.key === 'Home' ? 0 : order.length - 1);
    }
  };
  const labels = new Map(order.map((id) => [id, labelOf(byId.get(id)!.paper.title)]));
  const labelled = permanentLabels(order, placed, labels, layout.centre);
  const open = openId ? byId.get(openId) : undefined;
  const closeQuickView = () => {
    const id = openId;
    setOpenId(null);
    if (id) nodeRefs.current.get(id)?.focus();
  };

  return (
    <div class="ch-map">
      <svg class="ch-map-svg" data-view="co-citation-map" data-layout-ms={layout.elapsedMs.toFixed(1)} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`Co-citation map: this paper and ${formatCount(order.length)} co-cited works. Arrow keys move between works, Enter opens one.`}>
        {links.map((link) => {
          const a = placed.get(link.source);
          const b = placed.get(link.target);
          if (!a || !b) return null;
          return <line key={`${link.source}-${link.target}`} class="ch-map-link" x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke-width={0.6 + 2.4 * link.strength} data-count={link.count} />;
        })}
        <circle class="ch-map-centre" cx={layout.centre.x} cy={layout.centre.y} r={layout.centre.r} />
        <text class="ch-map-label ch-map-label--centre" x={layout.centre.x} y={layout.centre.y + layout.centre.r + 11} text-anchor="middle">
          This paper
        </text>
        {order.map((id) => {
          const node = placed.get(id)!;
          const work = byId.get(id)!;
          const label = labels.get(id)!;
          const name = `${displayTitle(work.paper.title).full}: co-cited by ${formatCount(work.count)} citing ${work.count === 1 ? 'paper' : 'papers'}, strength ${formatStrength(work.strength)}`;
          return (
            <g
              key={id}
              class={`ch-map-node${openId === id ? ' is-open' : ''}`}
              data-paper-id={id}
              data-count={work.count}
              tabindex={0}
              role="button"
              aria-label={name}
              aria-expanded={openId === id ? 'true' : 'false'}
              ref={(element) => {
                if (element) nodeRefs.current.set(id, element);
                else nodeRefs.current.delete(id);
              }}
              onClick={() => setOpenId((current) => (current === id ? null : id))}
              onKeyDown={(event) => onKeyDown(event, id)}
            >
              <title>{name}</title>
              <circle cx={node.x} cy={node.y} r={node.r} />
              <text class={labelled.has(id) ? 'ch-map-label' : 'ch-map-label ch-map-label--extra'} x={node.labelSide === 'right' ? node.x + node.r + 3 : node.x - node.r - 3} y={node.y + 3.5} text-anchor={node.labelSide === 'right' ? 'start' : 'end'}>
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <p class="ch-note">
        Node area: citing papers that cite both. Lines: works cited together by at least two sampled citing papers, each work's strongest few. The most co-cited are labelled where there is room; hover or focus the others.
      </p>
      {open ? <QuickView paper={open.paper} save={save} onClose={closeQuickView} /> : null}
    </div>
  );
}
