/**
 * A drawn chart as a standalone file: SVG markup with every style the page's CSS gave it written
 * inline (CSS variables resolved), a title and a legend, and a PNG rasterised from that SVG. All
 * local: the image is drawn from a blob URL, nothing is fetched.
 */

export interface LegendEntry {
  label: string;
  color: string;
  /** Stroke dash pattern (SVG `stroke-dasharray`), if the line is dashed. */
  dash?: string;
}

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

/** Presentation properties copied from computed style onto each exported element. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_H = 28;
const LEGEND_ROW_H = 18;
const LEGEND_COL_W = 190;

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Serialises a rendered `<svg>` with its computed styles inlined, under a title and above a
 * legend, on an opaque background (so the PNG reads on any viewer).
 */
export function chartSvg(
  source: SVGSVGElement,
  title: string,
  legend: readonly LegendEntry[],
): ChartImage {
  const box = source.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(source.getAttribute('width')) || 600));
  const plotH = Math.max(1, Math.round(box.height || Number(source.getAttribute('height')) || 300));
  const columns = Math.max(1, Math.floor((width - 16) / LEGEND_COL_W));
  const legendH = Math.ceil(legend.length / columns) * LEGEND_ROW_H + (legend.length ? 8 : 0);
  const height = TITLE_H + plotH + legendH;

  const clone = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const computed = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element): CSSStyleDeclaration => {
    let style = computed.get(el);
    if (!style) computed.set(el, (style = getComputedStyle(el)));
    return style;
  };
  originals.forEach((el, i) => {
    const copy = copies[i] as SVGElement | undefined;
    if (!copy) return;
    const style = styleOf(el);
    const parent = el === source ? null : el.parentElement && styleOf(el.parentElement);
    // Only what differs from what the element inherits (opacity is not inherited: from 1).
    const inline = STYLE_PROPS.map((p) => [p, style.getPropertyValue(p)] as const)
      .filter(([p, v]) => {
        if (v === '' || v === 'normal') return false;
        if (p === 'opacity') return v !== '1';
        return !parent || parent.getPropertyValue(p) !== v;
      })
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (inline) copy.setAttribute('style', inline);
    else copy.removeAttribute('style');
    copy.removeAttribute('class');
    // Attributes that still name CSS variables (recharts passes props through) are resolved.
    for (const attr of ['stroke', 'fill']) {
      const v = copy.getAttribute(attr);
      if (v?.includes('var(')) copy.setAttribute(attr, style.getPropertyValue(attr));
    }
  });
  const page = getComputedStyle(source.ownerDocument.body);
  const background = opaque(page.backgroundColor) ?? '#ffffff';
  const ink = page.color || '#000000';
  const font = page.fontFamily || 'sans-serif';

  const legendSvg = legend
    .map((entry, i) => {
      const x = 8 + (i % columns) * LEGEND_COL_W;
      const y = TITLE_H + plotH + 8 + Math.floor(i / columns) * LEGEND_ROW_H;
      const dash = entry.dash ? ` stroke-dasharray="${escapeXml(entry.dash)}"` : '';
      const color = resolveVar(entry.color, source);
      return (
        `<line x1="${x}" y1="${y + 6}" x2="${x + 22}" y2="${y + 6}" stroke="${escapeXml(color)}" stroke-width="2"${dash}/>` +
        `<text x="${x + 28}" y="${y + 10}" font-size="11" fill="${escapeXml(ink)}">${escapeXml(entry.label)}</text>`
      );
    })
    .join('');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(TITLE_H));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(plotH));
  const inner = new XMLSerializer().serializeToString(clone);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(background)}"/>` +
    `<text x="8" y="19" font-size="14" font-weight="600" fill="${escapeXml(ink)}">${escapeXml(title)}</text>` +
    inner +
    legendSvg +
    `</svg>`;
  return { svg, width, height };
}

/** `var(--name)` resolved against the element's computed style; other colours as given. */
function resolveVar(color: string, el: Element): string {
  const m = /^var\((--[\w-]+)\)$/.exec(color.trim());
  if (!m) return color;
  return getComputedStyle(el).getPropertyValue(m[1]!).trim() || '#000000';
}

/** A colour unless it is fully transparent (a transparent body means "white" to the reader). */
function opaque(color: string): string | null {
  if (!color || color === 'transparent') return null;
  const m = /rgba\([^)]*,\s*0\s*\)/.exec(color);
  return m ? null : color;
}

/** Rasterises exported SVG markup at `scale` device pixels per CSS pixel. */
export async function svgToPng(image: ChartImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on a canvas, so no PNG can be made.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, image.width, image.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
